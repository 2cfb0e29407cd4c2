import { describe, expect, it } from "vitest";
import type { PlacementMoveStatus } from "@/generated/prisma/enums";
import { movesOfPhase, phaseNumbers, phaseSettled, planStatusFor } from "./move-state";
import { phasePlan, proposalDescription, proposalTitle } from "./proposal-text";

const moves = (...statuses: PlacementMoveStatus[]) => statuses.map((status) => ({ status }));

describe("planStatusFor", () => {
  it("reads the plan's status from its moves", () => {
    expect(planStatusFor("draft", moves("pending", "pending"))).toBe("draft");
    expect(planStatusFor("proposed", moves("pending"))).toBe("proposed");
    expect(planStatusFor("draft", moves("running", "pending"))).toBe("applying");
    expect(planStatusFor("applying", moves("failed", "pending"))).toBe("failed");
    expect(planStatusFor("applying", moves("running", "failed"))).toBe("applying");
    expect(planStatusFor("applying", moves("succeeded", "pending"))).toBe("applying");
    expect(planStatusFor("failed", moves("succeeded", "skipped"))).toBe("applied");
    expect(planStatusFor("superseded", moves("running"))).toBe("superseded");
  });
});

describe("phases", () => {
  it("groups moves in order and settles a phase once none is pending, running or failed", () => {
    expect(phaseNumbers(5, 2)).toEqual([1, 1, 2, 2, 3]);
    expect(phaseNumbers(2, 0)).toEqual([1, 2]);
    const list = [
      { phase: 1, status: "succeeded" as const },
      { phase: 2, status: "skipped" as const },
      { phase: 2, status: "failed" as const },
    ];
    expect(movesOfPhase(list, 0)).toHaveLength(1);
    expect(phaseSettled(movesOfPhase(list, 0))).toBe(true);
    expect(phaseSettled(movesOfPhase(list, 1))).toBe(false);
  });

  it("dates each phase one after the other from the close of the vote", () => {
    const closesAt = new Date("2026-06-01T12:00:00Z");
    const { numbers, phases } = phasePlan(3, { closesAt, movesPerPhase: 2, phaseHours: 24 });
    expect(numbers).toEqual([1, 1, 2]);
    expect(phases).toEqual([
      { name: "Moves 1–2", startsAt: closesAt, endsAt: new Date("2026-06-02T12:00:00Z") },
      { name: "Moves 3", startsAt: new Date("2026-06-02T12:00:00Z"), endsAt: new Date("2026-06-03T12:00:00Z") },
    ]);
  });
});

describe("the proposal's text", () => {
  it("lists every move with its phase, gain and reason, and links the plan", () => {
    const plan = {
      id: "p1",
      solver: "exact",
      createdAt: new Date(),
      netBeforeUsd: 100,
      netAfterUsd: 145.5,
      moves: [
        {
          position: 0,
          guestName: "helium-1",
          vmid: 100,
          sourceName: "lyon",
          targetName: "oslo",
          gainMonthlyUsd: 30,
          reason: "cheaper power",
        },
        {
          position: 1,
          guestName: "render-2",
          vmid: 101,
          sourceName: "lyon",
          targetName: "graz",
          gainMonthlyUsd: 15.5,
          reason: null,
        },
      ],
    };
    expect(proposalTitle(plan)).toBe("Placement plan: 2 moves, +$45.50 per month");
    const text = proposalDescription(plan, [1, 2], "https://sovereign.example/placement/plans/p1");
    expect(text).toContain("**$100.00 now → $145.50 after**");
    expect(text).toContain("1. Phase 1: **helium-1** (100) from lyon to oslo, +$30.00/month — cheaper power");
    expect(text).toContain("2. Phase 2: **render-2** (101) from lyon to graz, +$15.50/month");
    expect(text).toContain("[The plan with every move's reasons](https://sovereign.example/placement/plans/p1)");
  });
});
