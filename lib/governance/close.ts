// Closing a vote when its window ends: the job handler's body, callable directly (tests, CLI).
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { announceProposalEvent } from "./events";
import { lockProposal } from "./locks";
import { tally, type Tally } from "./tally";

export const SYSTEM_ACTOR = { id: null, label: "system" } as const;

/** Tallies from the snapshot and the current votes: the same numbers the page shows live. */
export async function liveTally(
  tx: Tx,
  proposal: { id: string; quorumPct: number; thresholdPct: number },
): Promise<Tally> {
  const [voters, votes] = await Promise.all([
    tx.proposalVoter.aggregate({ where: { proposalId: proposal.id }, _sum: { weight: true } }),
    tx.vote.findMany({
      where: { proposalId: proposal.id },
      select: { choice: true, voter: { select: { weight: true } } },
    }),
  ]);
  return tally({
    eligibleWeight: voters._sum.weight ?? 0,
    quorumPct: proposal.quorumPct,
    thresholdPct: proposal.thresholdPct,
    votes: votes.map((v) => ({ choice: v.choice, weight: v.voter.weight })),
  });
}

/**
 * Closes one proposal if it is open and due. The row lock makes it idempotent under concurrent
 * workers and orders it after any vote still in flight (votes hold a share lock on the row).
 */
export async function closeProposalIfDue(tx: Tx, proposalId: string, now: Date): Promise<"passed" | "rejected" | null> {
  const row = await lockProposal(tx, proposalId);
  if (!row || row.status !== "open" || row.closesAt > now) return null;
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: { id: true, quorumPct: true, thresholdPct: true, enactedAt: true, type: true },
  });
  const result = await liveTally(tx, proposal);
  const status = result.passes ? "passed" : "rejected";
  await tx.proposal.update({
    where: { id: proposalId },
    data: {
      status,
      closedAt: now,
      resultFor: result.for,
      resultAgainst: result.against,
      resultAbstain: result.abstain,
      resultEligible: result.eligible,
    },
  });
  await recordAudit(tx, {
    action: proposal.enactedAt
      ? result.passes
        ? "governance.emergency-ratified"
        : "governance.emergency-not-ratified"
      : `governance.proposal-${status}`,
    actor: SYSTEM_ACTOR,
    targetType: "proposal",
    targetId: proposalId,
    payload: {
      for: result.for,
      against: result.against,
      abstain: result.abstain,
      eligible: result.eligible,
      quorumPct: proposal.quorumPct,
      thresholdPct: proposal.thresholdPct,
      quorumReached: result.quorumReached,
      thresholdReached: result.thresholdReached,
    },
  });
  // Whatever was put to this vote follows it (a placement plan rejected is marked failed).
  await announceProposalEvent(tx, { type: "closed", proposalId, outcome: status });
  return status;
}

/** Every open proposal whose window has ended, each in its own transaction. */
export async function closeDueProposals(now = new Date()): Promise<{ id: string; status: "passed" | "rejected" }[]> {
  const due = await db.proposal.findMany({
    where: { status: "open", closesAt: { lte: now } },
    select: { id: true },
    orderBy: { closesAt: "asc" },
  });
  const closed: { id: string; status: "passed" | "rejected" }[] = [];
  for (const { id } of due) {
    const status = await db.$transaction((tx) => closeProposalIfDue(tx, id, now));
    if (status) closed.push({ id, status });
  }
  return closed;
}
