// Electricity cost per cluster and month: for each day, the manual cost entered for it, else the
// estimate price per kWh × watts per node × nodes × 24 h. Days count from the cluster's first
// revenue or its registration, whichever is earlier, so a new site is not charged for last year.
// Converted to USD with the day's rate for the cluster's currency (the latest known rate up to
// that day), and reported as unconverted when there is none.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { ElectricityMonth } from "./report-types";

export async function electricityByClusterMonth(from: string, to: string, clusterIds: readonly string[]): Promise<ElectricityMonth[]> {
  const only = clusterIds.length > 0 ? Prisma.sql`AND c."id" = ANY(${[...clusterIds]}::uuid[])` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ clusterId: string; month: string; local: number; usd: number | null; unconverted: number; manualDays: number; noPowerData: boolean }>>`
    WITH c AS (
      SELECT c."id", c."currency", c."electricityPricePerKwh" AS price, c."wattsPerNode" AS watts,
             (SELECT count(*) FROM "ClusterNode" n WHERE n."clusterId" = c."id") AS nodes,
             LEAST(c."createdAt"::date, COALESCE((SELECT min(r."day") FROM "RevenueDaily" r WHERE r."clusterId" = c."id"), c."createdAt"::date)) AS since
      FROM "Cluster" c WHERE true ${only}
    ), days AS (
      SELECT c.*, d::date AS day FROM c
      CROSS JOIN LATERAL generate_series(GREATEST(${from}::date, c.since), ${to}::date, interval '1 day') AS d
    ), costed AS (
      SELECT days."id", days.day, days.watts IS NULL OR days.nodes = 0 AS no_power,
             COALESCE(m."amount", days.price * COALESCE(days.watts, 0) * days.nodes * 24 / 1000.0) AS local,
             m."amount" IS NOT NULL AS manual,
             CASE WHEN days."currency" = 'USD' THEN 1 ELSE (
               SELECT p."usd" FROM "TokenPrice" p WHERE p."symbol" = days."currency" AND p."day" <= days.day ORDER BY p."day" DESC LIMIT 1
             ) END AS rate
      FROM days LEFT JOIN "ElectricityCost" m ON m."clusterId" = days."id" AND m."day" = days.day
    )
    SELECT "id"::text AS "clusterId", to_char(date_trunc('month', day), 'YYYY-MM') AS month,
           sum(local)::float8 AS local, sum(local * rate)::float8 AS usd,
           count(*) FILTER (WHERE rate IS NULL)::int AS unconverted,
           count(*) FILTER (WHERE manual)::int AS "manualDays",
           bool_and(no_power AND NOT manual) AS "noPowerData"
    FROM costed GROUP BY 1, 2 ORDER BY 2, 1`;
  return rows.map((r) => ({ clusterId: r.clusterId, month: r.month, local: r.local, usd: r.unconverted > 0 ? null : r.usd, manualDays: r.manualDays, noPowerData: r.noPowerData }));
}

/** The estimate for one day, for the form's hint and tests: kWh price × W × nodes × 24 h. */
export function dailyEstimate(pricePerKwh: number, wattsPerNode: number, nodes: number): number {
  return (pricePerKwh * wattsPerNode * nodes * 24) / 1000;
}
