import { describe, expect, it } from "vitest";
import { createSemaphore } from "./semaphore";

describe("createSemaphore", () => {
  it("never runs more than its slots at once, and releases on failure", async () => {
    const sem = createSemaphore(2);
    let running = 0;
    let peak = 0;
    const task = (fail: boolean) =>
      sem.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
        if (fail) throw new Error("boom");
        return 1;
      });
    const results = await Promise.allSettled([task(false), task(true), task(false), task(true), task(false)]);
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await task(false)).toBe(1);
  });
});
