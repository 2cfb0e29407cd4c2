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
 * Economic weight counts only ledger data that was already there this long before the vote
 * opened: revenue entries inserted, and prices set (or last corrected), at least 24 hours
 * earlier. An operator who uploads revenue or a price just before opening a vote moves no weight
 * with it; data uploaded in the ordinary course counts from the next day's votes.
 */
export const ECONOMIC_DATA_AGE_HOURS = 24;
const DATA_AGE_MS = ECONOMIC_DATA_AGE_HOURS * 3_600_000;

/**
 * A member's clusters' part of the last 90 days' net earnings: each cluster's revenue minus its
 * electricity cost, split evenly among the members assigned to it, like cluster stake. Revenue is
 * read from the ledger's entries (not the rollups, which carry no insertion time), each valued at
 * its day's price, as ingest and repricing value them; only entries and prices older than
 * ECONOMIC_DATA_AGE_HOURS at `openedAt` count, and an entry whose price came later counts as 0
 * until the next vote. A cluster that lost money contributes 0, not a negative share; electricity
 * without an exchange rate counts as 0.
 */
export async function economicContributionByMember(
  tx: Tx,
  userIds: readonly string[],
  openedAt = new Date(),
): Promise<Map<string, number>> {
  const contribution = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return contribution;
  const mine = await tx.clusterAssignment.findMany({
    where: { userId: { in: [...userIds] } },
    select: { userId: true, clusterId: true },
  });
  const clusterIds = [...new Set(mine.map((a) => a.clusterId))];
  if (clusterIds.length === 0) return contribution;

  const to = openedAt.toISOString().slice(0, 10);
  const from = new Date(openedAt.getTime() - (ECONOMIC_WINDOW_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const cutoff = new Date(openedAt.getTime() - DATA_AGE_MS);
  const [holders, revenue, electricity] = await Promise.all([
    tx.clusterAssignment.groupBy({
      by: ["clusterId"],
      where: { clusterId: { in: clusterIds } },
      _count: { _all: true },
    }),
    tx.$queryRaw<Array<{ clusterId: string; usd: number | null }>>`
      SELECT e."clusterId"::text AS "clusterId",
             sum(CASE WHEN e."tokenSymbol" = 'USD' THEN e."tokenAmount" ELSE round(e."tokenAmount" * p."usd", 6) END)::float8 AS usd
      FROM "RevenueEntry" e
      LEFT JOIN "TokenPrice" p ON p."symbol" = e."tokenSymbol" AND p."day" = e."day" AND p."changedAt" <= ${cutoff}
      WHERE e."clusterId" = ANY(${clusterIds}::uuid[]) AND e."day" BETWEEN ${from}::date AND ${to}::date
        AND e."createdAt" <= ${cutoff}
      GROUP BY 1`,
    electricityByClusterMonth(from, to, clusterIds),
  ]);
  const holdersOf = new Map(holders.map((h) => [h.clusterId, h._count._all]));
  const net = new Map(revenue.map((r) => [r.clusterId, r.usd ?? 0]));
  for (const month of electricity) net.set(month.clusterId, (net.get(month.clusterId) ?? 0) - (month.usd ?? 0));
  for (const { userId, clusterId } of mine) {
    const share = Math.max(0, net.get(clusterId) ?? 0) / (holdersOf.get(clusterId) ?? 1);
    contribution.set(userId, (contribution.get(userId) ?? 0) + share);
  }
  return contribution;
}
