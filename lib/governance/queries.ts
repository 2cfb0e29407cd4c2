import "server-only";
import { db } from "@/lib/db";
import { compareForList, statusLabel, type StatusLabel } from "./rules";
import { getVotingMinimums } from "./minimums";
import { effectiveWeightsSchema } from "./schemas";
import { tally, type Tally, type VoteChoice } from "./tally";

interface TallySource {
  status: string;
  quorumPct: number;
  thresholdPct: number;
  resultFor: number | null;
  resultAgainst: number | null;
  resultAbstain: number | null;
  resultEligible: number | null;
  voters: { userId: string; weight: number }[];
  votes: { voterId: string; choice: VoteChoice }[];
}

/** The stored result once closed (final, whatever happens to members later); live votes before. */
function tallyOf(p: TallySource): Tally {
  if (p.resultEligible !== null) {
    return tally({
      eligibleWeight: p.resultEligible,
      quorumPct: p.quorumPct,
      thresholdPct: p.thresholdPct,
      votes: [
        { choice: "for", weight: p.resultFor ?? 0 },
        { choice: "against", weight: p.resultAgainst ?? 0 },
        { choice: "abstain", weight: p.resultAbstain ?? 0 },
      ],
    });
  }
  const weightOf = new Map(p.voters.map((v) => [v.userId, v.weight]));
  return tally({
    eligibleWeight: p.voters.reduce((sum, v) => sum + v.weight, 0),
    quorumPct: p.quorumPct,
    thresholdPct: p.thresholdPct,
    votes: p.votes.map((v) => ({ choice: v.choice, weight: weightOf.get(v.voterId) ?? 0 })),
  });
}

const tallySelect = {
  status: true,
  quorumPct: true,
  thresholdPct: true,
  resultFor: true,
  resultAgainst: true,
  resultAbstain: true,
  resultEligible: true,
  voters: { select: { userId: true, weight: true } },
  votes: { select: { voterId: true, choice: true } },
} as const;

export async function listProposals(viewerId: string, now = new Date()) {
  const rows = await db.proposal.findMany({
    where: { status: { not: "cancelled" } },
    select: {
      id: true,
      title: true,
      type: true,
      enactedAt: true,
      opensAt: true,
      closesAt: true,
      updatedAt: true,
      ...tallySelect,
    },
    take: 200,
  });
  const cancelled = await db.proposal.findMany({
    where: { status: "cancelled" },
    orderBy: { updatedAt: "desc" },
    take: 20,
    select: { id: true, title: true, type: true, updatedAt: true },
  });
  const proposals = rows.sort(compareForList).map((p) => {
    const isVoter = p.voters.some((v) => v.userId === viewerId);
    const myVote = p.votes.find((v) => v.voterId === viewerId)?.choice ?? null;
    return {
      id: p.id,
      title: p.title,
      type: p.type,
      status: p.status,
      label: statusLabel(p),
      opensAt: p.opensAt,
      closesAt: p.closesAt,
      quorumPct: p.quorumPct,
      thresholdPct: p.thresholdPct,
      tally: tallyOf(p),
      awaitingMyVote: p.status === "open" && p.closesAt > now && isVoter && myVote === null,
      myVote,
    };
  });
  return { proposals, cancelled };
}

const LIFECYCLE_EVENTS = [
  "governance.proposal-created",
  "governance.proposal-updated",
  "governance.voting-opened",
  "governance.emergency-enacted",
  "governance.proposal-passed",
  "governance.proposal-rejected",
  "governance.emergency-ratified",
  "governance.emergency-not-ratified",
  "governance.proposal-cancelled",
  "governance.implementation-started",
  "governance.phase-completed",
  "governance.phase-reopened",
  "governance.proposal-done",
];

export async function getProposal(id: string, viewerId: string) {
  const p = await db.proposal.findUnique({
    where: { id },
    include: {
      author: { select: { id: true, name: true } },
      phases: { orderBy: { position: "asc" } },
      voters: {
        orderBy: [{ weight: "desc" }],
        include: { user: { select: { name: true } }, vote: { select: { choice: true, changedAt: true } } },
      },
      votes: { select: { voterId: true, choice: true } },
    },
  });
  if (!p) return null;
  const timeline = await db.auditEvent.findMany({
    where: { targetType: "proposal", targetId: id, action: { in: LIFECYCLE_EVENTS } },
    orderBy: { seq: "asc" },
    take: 200,
    select: { seq: true, at: true, action: true, actorLabel: true, payload: true },
  });
  const eligible = p.voters.reduce((sum, v) => sum + v.weight, 0);
  const label: StatusLabel = statusLabel(p);
  return {
    ...p,
    label,
    tally: tallyOf(p),
    effective: effectiveWeightsSchema.safeParse(p.effectiveWeights).data ?? null,
    voterRows: p.voters.map((v) => ({
      userId: v.userId,
      name: v.user.name,
      role: v.role,
      weight: v.weight,
      share: eligible > 0 ? v.weight / eligible : 0,
      breakdown: { clusterStake: v.clusterStakeShare, expertise: v.expertiseShare, economic: v.economicShare },
      choice: v.vote?.choice ?? null,
    })),
    isVoter: p.voters.some((v) => v.userId === viewerId),
    myVote: p.votes.find((v) => v.voterId === viewerId)?.choice ?? null,
    timeline: timeline.map((e) => ({ seq: e.seq.toString(), at: e.at, action: e.action, actor: e.actorLabel })),
  };
}

export type ProposalDetail = NonNullable<Awaited<ReturnType<typeof getProposal>>>;

/** For the edit form: a draft's fields as the form expects them. */
export async function getDraft(id: string) {
  return db.proposal.findUnique({ where: { id }, include: { phases: { orderBy: { position: "asc" } } } });
}

export async function listWeightInputs() {
  const [members, clusters] = await Promise.all([
    db.user.findMany({
      where: { disabledAt: null },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        expertise: { select: { score: true } },
        clusterStakes: { select: { clusterId: true } },
      },
    }),
    db.cluster.findMany({
      where: { archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, siteName: true },
    }),
  ]);
  return {
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      role: m.role,
      expertise: m.expertise?.score ?? 0,
      clusterIds: m.clusterStakes.map((c) => c.clusterId),
    })),
    clusters,
  };
}

/** Registered cluster names, for the proposal form's "clusters concerned" picker. */
export async function listClusterNames(): Promise<string[]> {
  return (
    await db.cluster.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { name: true } })
  ).map((c) => c.name);
}

/** The federation's floors for voting rules (the governance settings), as the settings form shows them. */
export async function getVotingMinimumsForForm() {
  return getVotingMinimums(db);
}
