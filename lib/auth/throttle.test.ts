import { describe, expect, it } from "vitest";
import { lockRemainingMs, MAX_FAILURES, nextStateAfterFailure, type ThrottleState } from "./throttle";

const t0 = new Date("2026-11-28T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function fail(times: number, start: ThrottleState | null = null, minuteStep = 1) {
  let state = start;
  for (let i = 0; i < times; i++) state = nextStateAfterFailure(state, at(i * minuteStep));
  return state!;
}

describe("sign-in throttle", () => {
  it("locks on the fifth failure within the window, not before", () => {
    expect(fail(MAX_FAILURES - 1).lockedUntil).toBeNull();
    const locked = fail(MAX_FAILURES);
    expect(locked.lockedUntil).toEqual(at(MAX_FAILURES - 1 + 15));
    expect(lockRemainingMs(locked, at(10))).toBe(9 * 60_000);
  });

  it("starts a new window after 15 minutes", () => {
    const spread = fail(MAX_FAILURES, null, 4); // failures at 0, 4, 8, 12, 16 minutes
    expect(spread.failures).toBe(1);
    expect(spread.lockedUntil).toBeNull();
  });

  it("counts from one again once a lock has expired", () => {
    const locked = fail(MAX_FAILURES);
    const after = nextStateAfterFailure(locked, at(30));
    expect(after).toEqual({ failures: 1, windowStartsAt: at(30), lockedUntil: null });
    expect(lockRemainingMs(locked, at(30))).toBe(0);
  });
});
