import "server-only";
// A cluster's CPU and memory over 24 h (5-minute buckets of the full-resolution history) and over
// 7 days (hourly). The hourly rollup is used where it exists; hours it has not reached yet are
// bucketed from the raw rows, so the last hours of the week are never missing.
import { db } from "@/lib/db";

export const HISTORY_RANGES = {
  "24h": { ms: 86_400_000, bucket: "5 minutes" },
  "7d": { ms: 7 * 86_400_000, bucket: "1 hour" },
} as const;
export type HistoryRange = keyof typeof HISTORY_RANGES;

export interface HistoryPoint {
  /** Bucket start, ms since the epoch (charts want numbers). */
  t: number;
  cpuUsed: number | null;
  cpuTotal: number | null;
  memUsed: number | null;
  memTotal: number | null;
}

interface Row {
  t: Date;
  cpuUsed: number | null;
  cpuTotal: number | null;
  memUsed: number | null;
  memTotal: number | null;
}

export async function getClusterHistory(
  clusterId: string,
  range: HistoryRange,
  now = new Date(),
): Promise<HistoryPoint[]> {
  const since = new Date(now.getTime() - HISTORY_RANGES[range].ms);
  const rows =
    range === "24h"
      ? await db.$queryRaw<Row[]>`
          SELECT date_bin('5 minutes', "at", TIMESTAMPTZ '2000-01-01') AS t,
                 avg("cpuUsed") AS "cpuUsed", avg("cpuTotal") AS "cpuTotal", avg("memUsed") AS "memUsed", avg("memTotal") AS "memTotal"
          FROM "ClusterHistory" WHERE "clusterId" = ${clusterId}::uuid AND "at" >= ${since}
          GROUP BY 1 ORDER BY 1`
      : await db.$queryRaw<Row[]>`
          WITH hourly AS (
            SELECT "hour" AS t, "cpuUsed", "cpuTotal", "memUsed", "memTotal"
            FROM "ClusterHistoryHourly" WHERE "clusterId" = ${clusterId}::uuid AND "hour" >= ${since}
          ), raw AS (
            SELECT date_bin('1 hour', "at", TIMESTAMPTZ '2000-01-01') AS t,
                   avg("cpuUsed") AS "cpuUsed", avg("cpuTotal") AS "cpuTotal", avg("memUsed") AS "memUsed", avg("memTotal") AS "memTotal"
            FROM "ClusterHistory" WHERE "clusterId" = ${clusterId}::uuid AND "at" >= ${since}
            GROUP BY 1
          )
          SELECT * FROM hourly
          UNION ALL
          SELECT * FROM raw WHERE t NOT IN (SELECT t FROM hourly)
          ORDER BY t`;
  return rows.map((r) => ({
    t: r.t.getTime(),
    cpuUsed: num(r.cpuUsed),
    cpuTotal: num(r.cpuTotal),
    memUsed: num(r.memUsed),
    memTotal: num(r.memTotal),
  }));
}

// avg() of double precision is double precision, which pg hands back as a number; guard anyway.
function num(value: number | null): number | null {
  return value === null ? null : Number(value);
}
