// The raw inputs of the weight components, read from the database. Normalisation and combining
// happen in weights.ts (pure).
import type { Tx } from "@/lib/db";
import { electricityByClusterMonth } from "@/lib/earnings/electricity";

/**
 * A member's part of the federation's capacity: each cluster's capacity (its nodes' CPU count as
 * last synced) is split evenly among the members assigned to it, and a member sums their parts.
 * Assignments of disabled members still split a cluster, so disabling someone does not silently
 * enlarge the others' stake.
 */
export async function clusterStakeByMember(tx: Tx, userIds: readonly string[]): Promise<Map<string, number>> {
  const stake = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return stake;
  const mine = await tx.clusterAssignment.findMany({
    where: { userId: { in: [...userIds] } },
    select: { userId: true, clusterId: true },
  });
  const clusterIds = [...new Set(mine.map((a) => a.clusterId))];
  if (clusterIds.length === 0) return stake;
  const [holders, capacity] = await Promise.all([
    tx.clusterAssignment.groupBy({
      by: ["clusterId"],
      where: { clusterId: { in: clusterIds } },
      _count: { _all: true },
    }),
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

export const ECONOMIC_WINDOW_DAYS = 90;

/**
 * A member's clusters' part of the last 90 days' net earnings: each cluster's revenue (from the
 * ledger's daily rollup) minus its electricity cost, split evenly among the members assigned to
 * it, like cluster stake. A cluster that lost money contributes 0, not a negative share; unpriced
 * entries and electricity without an exchange rate count as 0 until they are priced.
 */
export async function economicContributionByMember(
  tx: Tx,
  userIds: readonly string[],
  now = new Date(),
): Promise<Map<string, number>> {
  const contribution = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return contribution;
  const mine = await tx.clusterAssignment.findMany({
    where: { userId: { in: [...userIds] } },
    select: { userId: true, clusterId: true },
  });
  const clusterIds = [...new Set(mine.map((a) => a.clusterId))];
  if (clusterIds.length === 0) return contribution;

  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - (ECONOMIC_WINDOW_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const [holders, revenue, electricity] = await Promise.all([
    tx.clusterAssignment.groupBy({
      by: ["clusterId"],
      where: { clusterId: { in: clusterIds } },
      _count: { _all: true },
    }),
    tx.revenueDaily.groupBy({
      by: ["clusterId"],
      where: { clusterId: { in: clusterIds }, day: { gte: new Date(from), lte: new Date(to) } },
      _sum: { revenueUsd: true },
    }),
    electricityByClusterMonth(from, to, clusterIds),
  ]);
  const holdersOf = new Map(holders.map((h) => [h.clusterId, h._count._all]));
  const net = new Map(revenue.map((r) => [r.clusterId, Number(r._sum.revenueUsd ?? 0)]));
  for (const month of electricity) net.set(month.clusterId, (net.get(month.clusterId) ?? 0) - (month.usd ?? 0));
  for (const { userId, clusterId } of mine) {
    const share = Math.max(0, net.get(clusterId) ?? 0) / (holdersOf.get(clusterId) ?? 1);
    contribution.set(userId, (contribution.get(userId) ?? 0) + share);
  }
  return contribution;
}
