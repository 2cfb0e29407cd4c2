// The raw inputs of the weight components, read from the database. Normalisation and combining
// happen in weights.ts (pure).
import type { Tx } from "@/lib/db";

/**
 * A member's part of the federation's capacity: each cluster's capacity (its nodes' CPU count as
 * last synced) is split evenly among the members assigned to it, and a member sums their parts.
 * Assignments of disabled members still split a cluster, so disabling someone does not silently
 * enlarge the others' stake.
 */
export async function clusterStakeByMember(tx: Tx, userIds: readonly string[]): Promise<Map<string, number>> {
  const stake = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return stake;
  const mine = await tx.clusterAssignment.findMany({ where: { userId: { in: [...userIds] } }, select: { userId: true, clusterId: true } });
  const clusterIds = [...new Set(mine.map((a) => a.clusterId))];
  if (clusterIds.length === 0) return stake;
  const [holders, capacity] = await Promise.all([
    tx.clusterAssignment.groupBy({ by: ["clusterId"], where: { clusterId: { in: clusterIds } }, _count: { _all: true } }),
    tx.clusterNode.groupBy({ by: ["clusterId"], where: { clusterId: { in: clusterIds } }, _sum: { maxcpu: true } }),
  ]);
  const holdersOf = new Map(holders.map((h) => [h.clusterId, h._count._all]));
  const capacityOf = new Map(capacity.map((c) => [c.clusterId, c._sum.maxcpu ?? 0]));
  for (const { userId, clusterId } of mine) {
    const share = (capacityOf.get(clusterId) ?? 0) / (holdersOf.get(clusterId) ?? 1);
    stake.set(userId, (stake.get(userId) ?? 0) + share);
  }
  return stake;
}

/**
 * A member's clusters' part of the last 90 days' net earnings. The ledger exists (earnings.prisma),
 * but "net" needs each site's electricity cost, which lib/earnings/electricity.ts computes on the
 * global client in a server-only module: it cannot take part in this snapshot's transaction. Until
 * a transaction-aware net figure per cluster exists, every member contributes 0, so the component
 * is dropped from the weighting and the proposal page says so (weights.ts explains how).
 */
export async function economicContributionByMember(_tx: Tx, userIds: readonly string[]): Promise<Map<string, number>> {
  return new Map(userIds.map((id) => [id, 0]));
}
