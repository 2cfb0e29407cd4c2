// Freezes who may vote and with what weight, in the transaction that opens the vote.
import { ActionError } from "@/lib/actions/result";
import type { Tx } from "@/lib/db";
import { eligibleRoles, isWeighted, type ProposalType } from "./rules";
import { clusterStakeByMember, economicContributionByMember } from "./stake";
import { planWeights, type Component, type ComponentWeights } from "./weights";

/** Stored on the proposal so its page can say which weighting actually applied. */
export interface EffectiveWeights {
  weighted: boolean;
  effective: ComponentWeights;
  dropped: Component[];
  equalFallback: boolean;
}

export interface SnapshotSummary extends EffectiveWeights {
  voters: number;
  eligibleWeight: number;
}

interface ProposalForSnapshot {
  id: string;
  type: ProposalType;
  weightClusterStake: number;
  weightExpertise: number;
  weightEconomic: number;
}

/** `openedAt` is the moment voting opens: economic weight counts only ledger data older than it (stake.ts). */
export async function snapshotVoters(tx: Tx, proposal: ProposalForSnapshot, openedAt: Date): Promise<SnapshotSummary> {
  const members = await tx.user.findMany({
    where: { disabledAt: null, role: { in: eligibleRoles(proposal.type) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, expertise: { select: { score: true } } },
  });
  const roleOf = new Map(members.map((m) => [m.id, m.role]));

  let rows: {
    userId: string;
    weight: number;
    clusterStakeShare: number;
    expertiseShare: number;
    economicShare: number;
  }[];
  let summary: EffectiveWeights;
  if (isWeighted(proposal.type)) {
    const ids = members.map((m) => m.id);
    const [stake, economic] = await Promise.all([
      clusterStakeByMember(tx, ids),
      economicContributionByMember(tx, ids, openedAt),
    ]);
    const plan = planWeights(
      members.map((m) => ({
        userId: m.id,
        values: {
          clusterStake: stake.get(m.id) ?? 0,
          expertise: m.expertise?.score ?? 0,
          economic: economic.get(m.id) ?? 0,
        },
      })),
      {
        clusterStake: proposal.weightClusterStake,
        expertise: proposal.weightExpertise,
        economic: proposal.weightEconomic,
      },
    );
    rows = plan.voters.map((v) => ({
      userId: v.userId,
      weight: v.units,
      clusterStakeShare: v.shares.clusterStake,
      expertiseShare: v.shares.expertise,
      economicShare: v.shares.economic,
    }));
    summary = { weighted: true, effective: plan.effective, dropped: plan.dropped, equalFallback: plan.equalFallback };
  } else {
    rows = members.map((m) => ({ userId: m.id, weight: 1, clusterStakeShare: 0, expertiseShare: 0, economicShare: 0 }));
    summary = {
      weighted: false,
      effective: { clusterStake: 0, expertise: 0, economic: 0 },
      dropped: [],
      equalFallback: true,
    };
  }
  if (rows.length === 0)
    throw new ActionError("conflict", "Nobody is eligible to vote on this proposal, so voting cannot open.");

  await tx.proposalVoter.createMany({
    data: rows.map((r) => ({ ...r, proposalId: proposal.id, role: roleOf.get(r.userId) ?? "viewer" })),
  });
  await tx.proposal.update({ where: { id: proposal.id }, data: { effectiveWeights: { ...summary } } });
  return { ...summary, voters: rows.length, eligibleWeight: rows.reduce((sum, r) => sum + r.weight, 0) };
}
