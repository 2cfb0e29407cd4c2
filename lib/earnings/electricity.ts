// Electricity cost per cluster and month: the manual costs entered for its days, and for every
// other day the estimate price per kWh × watts per node × nodes × 24 h. Days count from the
// cluster's first revenue or its registration, whichever is earlier, so a new site is not charged
// for last year. Converted to USD at the month's average rate for the cluster's currency (or the
// latest earlier rate), and reported as unconverted when there is none.
// Computed per month in closed form (days × daily estimate), not day by day: a year for a hundred
// clusters is 1,200 rows, so the page stays fast.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { ElectricityMonth } from "./report-types";

/** First days of the months the period touches, YYYY-MM-01. */
export function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let key = from.slice(0, 7); key <= end && out.length < 1200;) {
    out.push(`${key}-01`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    key = `${y}-${String(m).padStart(2, "0")}`;
  }
  return out;
}

export async function electricityByClusterMonth(
  from: string,
  to: string,
  clusterIds: readonly string[],
): Promise<ElectricityMonth[]> {
  // Months come from here as dates: generate_series over timestamps with a time zone was most of
  // this query's time.
  const months = monthStarts(from, to);
  const only = clusterIds.length > 0 ? Prisma.sql`AND c."id" = ANY(${[...clusterIds]}::uuid[])` : Prisma.empty;
  const rows = await db.$queryRaw<
    Array<{
      clusterId: string;
      month: string;
      local: number;
      usd: number | null;
      manualDays: number;
      noPowerData: boolean;
    }>
  >`
    WITH c AS MATERIALIZED (
      SELECT c."id", c."currency", c."electricityPricePerKwh" AS price, c."wattsPerNode" AS watts,
             (SELECT count(*) FROM "ClusterNode" n WHERE n."clusterId" = c."id") AS nodes,
             -- The first revenue day: one index probe per network (the rollup key is cluster, network, day).
             LEAST(c."createdAt"::date, (
               SELECT min(f.day) FROM "EarningsNetwork" en
               CROSS JOIN LATERAL (SELECT r."day" FROM "RevenueDaily" r WHERE r."clusterId" = c."id" AND r."networkId" = en."id" ORDER BY r."day" LIMIT 1) f
             )) AS since
      FROM "Cluster" c WHERE true ${only}
    ), months AS (
      SELECT c.*, m::date AS month,
             GREATEST(m::date, ${from}::date, c.since) AS first_day,
             LEAST((m + interval '1 month' - interval '1 day')::date, ${to}::date) AS last_day
      FROM c CROSS JOIN unnest(${months}::date[]) AS m
    ), manual AS (
      SELECT e."clusterId", (e."day" - (extract(day FROM e."day")::int - 1)) AS month, sum(e."amount") AS amount, count(*)::int AS days
      FROM "ElectricityCost" e WHERE e."day" BETWEEN ${from}::date AND ${to}::date GROUP BY 1, 2
    ), costed AS (
      SELECT m."id", m.month, m."currency",
             m.watts IS NULL OR m.nodes = 0 AS no_power,
             COALESCE(x.days, 0) AS manual_days,
             GREATEST(0, (m.last_day - m.first_day + 1) - COALESCE(x.days, 0)) * m.price * COALESCE(m.watts, 0) * m.nodes * 24 / 1000.0 + COALESCE(x.amount, 0) AS local
      FROM months m LEFT JOIN manual x ON x."clusterId" = m."id" AND x.month = m.month
      WHERE m.last_day >= m.first_day OR x.days IS NOT NULL
    )
    SELECT k."id"::text AS "clusterId", to_char(k.month, 'YYYY-MM') AS month, k.local::float8 AS local,
           (k.local * CASE WHEN k."currency" = 'USD' THEN 1 ELSE COALESCE(
             (SELECT avg(p."usd") FROM "TokenPrice" p WHERE p."symbol" = k."currency" AND p."day" >= k.month AND p."day" < k.month + interval '1 month'),
             (SELECT p."usd" FROM "TokenPrice" p WHERE p."symbol" = k."currency" AND p."day" < k.month ORDER BY p."day" DESC LIMIT 1)
           ) END)::float8 AS usd,
           k.manual_days AS "manualDays", (k.no_power AND k.manual_days = 0) AS "noPowerData"
    FROM costed k ORDER BY 2, 1`;
  return rows.map((r) => ({
    clusterId: r.clusterId,
    month: r.month,
    local: r.local,
    usd: r.usd,
    manualDays: r.manualDays,
    noPowerData: r.noPowerData,
  }));
}

/** The estimate for one day, for the form's hint and tests: kWh price × W × nodes × 24 h. */
export function dailyEstimate(pricePerKwh: number, wattsPerNode: number, nodes: number): number {
  return (pricePerKwh * wattsPerNode * nodes * 24) / 1000;
}
