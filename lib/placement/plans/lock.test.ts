import { describe, expect, it } from "vitest";
import { PLAN_IN_VOTE, PLAN_SUPERSEDED, planLockReason } from "./lock";

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
