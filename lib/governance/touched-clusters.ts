// The clusters a proposal concerns, as ids, for the cluster-scope check of starting its
// implementation (lib/auth/cluster-scope.ts): a plan put to a vote starts moving guests between
// them then. Names no longer registered touch nothing.
import type { Tx } from "@/lib/db";

export async function proposalClusters(tx: Tx, proposalId: string): Promise<string[]> {
  const proposal = await tx.proposal.findUnique({ where: { id: proposalId }, select: { concernsClusters: true } });
  if (!proposal || proposal.concernsClusters.length === 0) return [];
  const clusters = await tx.cluster.findMany({
    where: { name: { in: proposal.concernsClusters } },
    select: { id: true },
  });
  return clusters.map((c) => c.id);
}
