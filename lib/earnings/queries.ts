// What the earnings page reads: only the daily rollups (never the raw entries), the clusters' power
// data and the manual electricity costs. Numbers out, formatting left to components.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { electricityByClusterMonth } from "./electricity";
import type { EarningsFilter, EarningsReport } from "./report-types";

function ids(list: readonly string[]): Prisma.Sql {
  return list.length > 0 ? Prisma.sql`AND r."clusterId" = ANY(${[...list]}::uuid[])` : Prisma.empty;
}
function nets(list: readonly string[]): Prisma.Sql {
  return list.length > 0 ? Prisma.sql`AND r."networkId" = ANY(${[...list]}::text[])` : Prisma.empty;
}

export async function getEarningsReport(filter: EarningsFilter): Promise<EarningsReport> {
  const { from, to, granularity } = filter;
  const where = Prisma.sql`r."day" BETWEEN ${from}::date AND ${to}::date ${ids(filter.clusterIds)} ${nets(filter.networkIds)}`;
  const unit = Prisma.raw(`'${granularity}'`);

  const [clusters, networks, series, monthly, electricity] = await Promise.all([
    db.cluster.findMany({ select: { id: true, name: true, tier: true, currency: true }, orderBy: { name: "asc" } }),
    db.earningsNetwork.findMany({ select: { id: true, name: true, monthlyMinUsd: true, monthlyMaxUsd: true }, orderBy: { name: "asc" } }),
    db.$queryRaw<Array<{ bucket: string; networkId: string; usd: number }>>`
      SELECT to_char(date_trunc(${unit}, r."day"), 'YYYY-MM-DD') AS bucket, r."networkId", sum(r."revenueUsd")::float8 AS usd
      FROM "RevenueDaily" r WHERE ${where} GROUP BY 1, 2 ORDER BY 1`,
    db.$queryRaw<Array<{ month: string; clusterId: string; networkId: string; usd: number; entries: number; unpriced: number }>>`
      SELECT to_char(date_trunc('month', r."day"), 'YYYY-MM') AS month, r."clusterId"::text AS "clusterId", r."networkId",
             sum(r."revenueUsd")::float8 AS usd, sum(r."entries")::int AS entries, sum(r."unpricedEntries")::int AS unpriced
      FROM "RevenueDaily" r WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 1`,
    electricityByClusterMonth(from, to, filter.clusterIds),
  ]);

  const shownClusters = filter.clusterIds.length > 0 ? clusters.filter((c) => filter.clusterIds.includes(c.id)) : clusters;
  return {
    filter,
    clusters: shownClusters,
    networks: networks.map((n) => ({ id: n.id, name: n.name, monthlyMinUsd: n.monthlyMinUsd === null ? null : Number(n.monthlyMinUsd), monthlyMaxUsd: n.monthlyMaxUsd === null ? null : Number(n.monthlyMaxUsd) })),
    allClusters: clusters.map((c) => ({ id: c.id, name: c.name })),
    series,
    monthly,
    // A network filter narrows revenue; electricity is a site's cost whatever it earns from.
    electricity,
  };
}
