import { describe, expect, it } from "vitest";
import { belowMinimums, DEFAULT_MINIMUMS, windowLabel } from "./minimums";

const opensAt = new Date("2026-12-01T00:00:00Z");
const after = (hours: number) => new Date(opensAt.getTime() + hours * 3_600_000);

describe("voting minimums", () => {
  it("names each rule below its floor, and nothing at the floor itself", () => {
    expect(belowMinimums({ quorumPct: 0, thresholdPct: 1, opensAt, closesAt: after(0.02) }, DEFAULT_MINIMUMS)).toEqual({
      quorumPct: ["The federation requires a quorum of at least 10 %."],
      thresholdPct: ["The federation requires a threshold of at least 50 %."],
      closesAt: ["Voting must stay open at least 1 day (a federation minimum)."],
    });
    expect(belowMinimums({ quorumPct: 10, thresholdPct: 50, opensAt, closesAt: after(24) }, DEFAULT_MINIMUMS)).toEqual(
      {},
    );
  });

  it("reads windows in days or hours", () => {
    expect([windowLabel(1), windowLabel(36), windowLabel(24), windowLabel(72)]).toEqual([
      "1 hour",
      "36 hours",
      "1 day",
      "3 days",
    ]);
  });
});
