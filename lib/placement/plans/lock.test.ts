import { describe, expect, it } from "vitest";
import { PLAN_FROZEN, PLAN_IN_VOTE, PLAN_SUPERSEDED, planFrozenReason, planLockReason } from "./lock";

describe("planLockReason", () => {
  it("lets a draft or applying plan without a vote be applied", () => {
    expect(planLockReason({ status: "draft", proposal: null })).toBeNull();
    expect(planLockReason({ status: "applying", proposal: null })).toBeNull();
  });

  it("refuses a superseded plan, even to the vote's job", () => {
    expect(planLockReason({ status: "superseded", proposal: null })).toBe(PLAN_SUPERSEDED);
    expect(planLockReason({ status: "superseded", proposal: { status: "implementing" } }, { byVote: true })).toBe(
      PLAN_SUPERSEDED,
    );
  });

  it("holds a voted plan until implementation starts", () => {
    expect(planLockReason({ status: "proposed", proposal: { status: "open" } })).toBe(PLAN_IN_VOTE);
    expect(planLockReason({ status: "proposed", proposal: { status: "passed" } })).toBe(PLAN_IN_VOTE);
    expect(planLockReason({ status: "failed", proposal: { status: "rejected" } })).toBe(
      "The vote on this plan is rejected.",
    );
    expect(planLockReason({ status: "applying", proposal: { status: "implementing" } })).toBeNull();
  });

  it("never holds back the job applying the vote", () => {
    expect(planLockReason({ status: "proposed", proposal: { status: "passed" } }, { byVote: true })).toBeNull();
  });
});

describe("planFrozenReason", () => {
  it("freezes a plan's moves while its vote is open or awaiting implementation, not after", () => {
    expect(planFrozenReason({ status: "proposed", proposal: { status: "open" } })).toBe(PLAN_FROZEN);
    expect(planFrozenReason({ status: "proposed", proposal: { status: "passed" } })).toBe(PLAN_FROZEN);
    expect(planFrozenReason({ status: "superseded", proposal: null })).toBe(PLAN_SUPERSEDED);
    // Implementing: a failed move may be skipped so the plan goes on; a plan without a vote too.
    expect(planFrozenReason({ status: "applying", proposal: { status: "implementing" } })).toBeNull();
    expect(planFrozenReason({ status: "draft", proposal: null })).toBeNull();
  });
});
