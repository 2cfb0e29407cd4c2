// When a plan's moves may be started: the one rule the plan page, applying a move and applying a
// whole plan share, with one message per reason.

export const PLAN_SUPERSEDED = "A newer plan replaced this one: its moves can no longer be applied.";
export const PLAN_IN_VOTE =
  "This plan is put to a vote: its moves are applied when the vote passes and implementation starts.";

export interface LockablePlan {
  status: string;
  proposal: { status: string } | null;
}

/**
 * Why the plan's moves cannot be started now, or null when they can. People may start a voted
 * plan's moves once its implementation has started; the governance job applying it (`byVote`)
 * is what implementation means, so the vote never holds it back.
 */
export function planLockReason(plan: LockablePlan, opts: { byVote?: boolean } = {}): string | null {
  if (plan.status === "superseded") return PLAN_SUPERSEDED;
  if (plan.proposal && !opts.byVote && plan.proposal.status !== "implementing") {
    return plan.proposal.status === "open" || plan.proposal.status === "passed"
      ? PLAN_IN_VOTE
      : `The vote on this plan is ${plan.proposal.status}.`;
  }
  return null;
}

export const PLAN_FROZEN =
  "This plan is frozen while its vote is open or awaiting implementation: its moves cannot be skipped or changed.";

/**
 * Why the plan's moves cannot be changed (skipped) now, or null. A plan under vote is what members
 * vote on, so it is frozen while its proposal is open and until implementation starts; once it is
 * implementing, a failed move may be skipped so the plan goes on.
 */
export function planFrozenReason(plan: LockablePlan): string | null {
  if (plan.status === "superseded") return PLAN_SUPERSEDED;
  if (plan.proposal && (plan.proposal.status === "open" || plan.proposal.status === "passed")) return PLAN_FROZEN;
  return null;
}
