// The solver thread: same plans as solving in-process, the caller's event loop free meanwhile,
// the same errors, and a solve that runs too long or is abandoned does not take the pool with it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { solvePlacement } from "./solve";
import { PlacementTimeoutError, solvePlacementOffThread } from "./off-thread";
import { SolverPool } from "./solver-pool";
import { randomFederation } from "@/lib/placement/engine/random-federation";
import type { Plan, PlacementInput } from "@/lib/placement/engine/types";

// ~1 s for HiGHS on this machine: long enough that a blocked event loop would show.
const SLOW = randomFederation(7, { clusters: 20, replicas: 300, options: { solver: "exact" } });
const QUICK = randomFederation(3, { clusters: 6, replicas: 30 });
const withoutTiming = (plan: Plan) => ({ ...plan, solveMs: 0 });

/** The longest wait between timer callbacks that should come every 10 ms while `work` runs. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; elapsedMs: number; maxGapMs: number }> {
  let last = performance.now();
  let maxGapMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    const elapsedMs = performance.now() - started;
    // One more tick: a loop blocked until the very end shows its gap only on the next callback.
    await new Promise((resolve) => setTimeout(resolve, 25));
    return { result, elapsedMs, maxGapMs };
  } finally {
    clearInterval(ticker);
  }
}

describe("solvePlacementOffThread", () => {
  it("returns the plan solvePlacement returns, and keeps the event loop responsive meanwhile", async () => {
    await solvePlacementOffThread(QUICK); // the worker's start (and tsx's, from source) is not the point here
    const { result, elapsedMs, maxGapMs } = await longestStall(() => solvePlacementOffThread(SLOW));
    console.log(`[off-thread] solve ${elapsedMs.toFixed(0)} ms, longest event-loop gap ${maxGapMs.toFixed(1)} ms`);
    expect(elapsedMs).toBeGreaterThanOrEqual(300);
    expect(maxGapMs).toBeLessThan(Math.min(150, elapsedMs / 4));
    expect(result.solver).toBe("exact");
    expect(withoutTiming(result)).toEqual(withoutTiming(await solvePlacement(SLOW)));
  });

  it("the same solve on the main thread does block it (the measure sees a stall)", async () => {
    const { elapsedMs, maxGapMs } = await longestStall(() => solvePlacement(SLOW));
    expect(maxGapMs).toBeGreaterThan(elapsedMs / 2);
  });

  it("queues concurrent solves and answers each with its own plan", async () => {
    const inputs = [1, 2, 3].map((seed) => randomFederation(seed, { clusters: 5, replicas: 20 }));
    const plans = await Promise.all(inputs.map((input) => solvePlacementOffThread(input)));
    for (const [i, input] of inputs.entries())
      expect(withoutTiming(plans[i]!)).toEqual(withoutTiming(await solvePlacement(input)));
  });

  it("rejects with the error the in-process solve throws: same class, same message", async () => {
    const broken = { clusters: null, workloads: [], revenue: {} } as unknown as PlacementInput;
    const local = await solvePlacement(broken).catch((error: unknown) => error);
    const remote = await solvePlacementOffThread(broken).catch((error: unknown) => error);
    expect(local).toBeInstanceOf(TypeError);
    expect(remote).toBeInstanceOf(TypeError);
    expect((remote as Error).message).toBe((local as Error).message);
    // The worker survives a failed solve.
    expect((await solvePlacementOffThread(QUICK)).assignments.length).toBeGreaterThan(0);
  });

  it("stops a solve past its time limit, and the next solve gets a fresh worker", async () => {
    await expect(solvePlacementOffThread(SLOW, { timeoutMs: 100 })).rejects.toBeInstanceOf(PlacementTimeoutError);
    expect(withoutTiming(await solvePlacementOffThread(QUICK))).toEqual(withoutTiming(await solvePlacement(QUICK)));
  });

  it("abandons a solve when its signal aborts, whether it was running or still queued", async () => {
    const controller = new AbortController();
    const running = solvePlacementOffThread(SLOW, { signal: controller.signal });
    const queued = solvePlacementOffThread(SLOW, { signal: controller.signal });
    const after = solvePlacementOffThread(QUICK);
    setTimeout(() => controller.abort(new Error("the request went away")), 100);
    await expect(running).rejects.toThrow("the request went away");
    await expect(queued).rejects.toThrow("the request went away");
    expect((await after).assignments.length).toBeGreaterThan(0);
  });
});

describe("SolverPool without a worker", () => {
  afterEach(() => vi.restoreAllMocks());

  it("solves in-process when no worker can start, and says so once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const pool = new SolverPool([
      () => {
        throw new Error("threads are not available here");
      },
    ]);
    const [first, second] = await Promise.all([pool.solve(QUICK), pool.solve(QUICK)]);
    const third = await pool.solve(QUICK);
    const expected = withoutTiming(await solvePlacement(QUICK));
    for (const plan of [first!, second!, third]) expect(withoutTiming(plan)).toEqual(expected);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain("threads are not available here");
    await pool.dispose();
  });
});
