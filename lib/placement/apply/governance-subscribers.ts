// How a placement plan put to a vote follows its proposal. Governance announces its lifecycle
// events inside the transaction that changes the proposal (lib/governance/events.ts), so the plan
// and the proposal never disagree:
//   rejected     → the plan failed, its pending moves skipped with the reason;
//   cancelled    → the plan is a draft again (it may be applied or proposed anew);
//   implementing → the plan's advance job is queued; it applies the moves phase by phase.
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import type { ProposalSubscriber } from "@/lib/governance/events";
import { lockPlanOfProposal } from "@/lib/placement/plans/row-locks";
import { queueAdvance } from "./queue";

const SYSTEM = { id: null, label: "system" } as const;

async function planOf(tx: Tx, proposalId: string) {
  await lockPlanOfProposal(tx, proposalId);
  return tx.placementPlan.findUnique({ where: { proposalId }, select: { id: true, status: true } });
}

async function onProposalClosed(tx: Tx, proposalId: string, outcome: "passed" | "rejected"): Promise<void> {
  if (outcome !== "rejected") return;
  const plan = await planOf(tx, proposalId);
  if (!plan || plan.status !== "proposed") return;
  const reason = "Not applied: the vote on this plan did not pass.";
  await tx.placementMove.updateMany({
    where: { planId: plan.id, status: "pending" },
    data: { status: "skipped", error: reason, finishedAt: new Date() },
  });
  await tx.placementPlan.update({ where: { id: plan.id }, data: { status: "failed" } });
  await recordAudit(tx, {
    action: "placement.plan-rejected",
    actor: SYSTEM,
    targetType: "placement-plan",
    targetId: plan.id,
    payload: { proposal: proposalId },
  });
}

async function onProposalCancelled(tx: Tx, proposalId: string, actor: { id: string; label: string }): Promise<void> {
  const plan = await planOf(tx, proposalId);
  if (!plan || plan.status !== "proposed") return;
  await tx.placementPlan.update({ where: { id: plan.id }, data: { status: "draft", proposalId: null } });
  await recordAudit(tx, {
    action: "placement.plan-withdrawn",
    actor,
    targetType: "placement-plan",
    targetId: plan.id,
    payload: { proposal: proposalId },
  });
}

async function onImplementationStarted(tx: Tx, proposalId: string): Promise<void> {
  const plan = await planOf(tx, proposalId);
  if (!plan || plan.status !== "proposed") return;
  // The job reads the proposal as "implementing" only once this transaction commits: give it a
  // moment (the sweep picks the plan up within a minute should it run too early).
  await queueAdvance({ planId: plan.id, all: true }, 2);
}

/** Placement's subscriber to proposal events (registered by lib/composition/subscribers.ts). */
export const followProposal: ProposalSubscriber = async (tx, event) => {
  switch (event.type) {
    case "closed":
      return onProposalClosed(tx, event.proposalId, event.outcome);
    case "cancelled":
      return onProposalCancelled(tx, event.proposalId, event.actor);
    case "implementation-started":
      return onImplementationStarted(tx, event.proposalId);
  }
};
