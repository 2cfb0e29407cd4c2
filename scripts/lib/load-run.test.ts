import { describe, expect, it } from "vitest";
import { percentile } from "./load-run";

describe("percentile", () => {
  it("is the nearest-rank value of sorted times", () => {
    const times = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(times, 95)).toBe(95);
    expect(percentile(times, 50)).toBe(50);
    expect(percentile(times, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3, 1000], 95)).toBe(1000);
  });

  it("is NaN for no times", () => {
    expect(percentile([], 95)).toBeNaN();
  });
});
