// History retention: every sync adds a ClusterHistory row (full resolution, kept 30 days); the
// rollup turns complete hours into ClusterHistoryHourly rows (kept a year). Rolling up recent
// hours too lets week-long charts read ~170 rows instead of ~40,000.
import type { Db } from "@/lib/db";

export const RAW_RETENTION_DAYS = 30;
export const HOURLY_RETENTION_DAYS = 365;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface RollupResult {
  hoursWritten: number;
  rawDeleted: number;
  hourlyDeleted: number;
}

const SEVERITY = `CASE "health" WHEN 'down' THEN 3 WHEN 'degraded' THEN 2 WHEN 'unknown' THEN 1 ELSE 0 END`;
const HOUR = `(date_trunc('hour', "at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;
const AVERAGED = [
  "nodesOnline",
  "nodesTotal",
  "guestsRunning",
  "guestsTotal",
  "cpuUsed",
  "cpuTotal",
  "memUsed",
  "memTotal",
  "storageUsed",
  "storageTotal",
];

// Hours are recomputed from the raw rows (an overwrite, so running twice changes nothing). Rows
// of a "down" attempt have null figures, which avg() and max() skip.
const ROLLUP_SQL = `
INSERT INTO "ClusterHistoryHourly" ("clusterId", "hour", "samples", "downSamples", "worstHealth", ${AVERAGED.map((c) => `"${c}"`).join(", ")}, "cpuUsedMax", "memUsedMax")
SELECT "clusterId", ${HOUR}, count(*)::int, (count(*) FILTER (WHERE "health" = 'down'))::int,
  (CASE max(${SEVERITY}) WHEN 3 THEN 'down' WHEN 2 THEN 'degraded' WHEN 1 THEN 'unknown' ELSE 'healthy' END)::"ClusterHealth",
  ${AVERAGED.map((c) => `avg("${c}")`).join(", ")}, max("cpuUsed"), max("memUsed")
FROM "ClusterHistory"
WHERE "at" >= $1 AND "at" < $2
GROUP BY 1, 2
ON CONFLICT ("clusterId", "hour") DO UPDATE SET
  "samples" = EXCLUDED."samples", "downSamples" = EXCLUDED."downSamples", "worstHealth" = EXCLUDED."worstHealth",
  ${[...AVERAGED, "cpuUsedMax", "memUsedMax"].map((c) => `"${c}" = EXCLUDED."${c}"`).join(", ")}`;

/** Rolls up every complete hour not yet final, then applies both retention limits. */
export async function rollupHistory(db: Db, now: Date = new Date()): Promise<RollupResult> {
  const currentHour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  // Hour-aligned, so an hour is never half deleted and later recomputed from the other half.
  const rawCutoff = new Date(
    Math.min(currentHour.getTime(), Math.floor((now.getTime() - RAW_RETENTION_DAYS * DAY_MS) / HOUR_MS) * HOUR_MS),
  );
  return db.$transaction(
    async (tx) => {
      // From two hours before the last rolled-up hour (late rows of a slow sync land there), and
      // never after a raw row about to expire, so nothing is deleted before it is rolled up.
      const [bounds] = await tx.$queryRaw<
        Array<{ lastHour: Date | null; oldest: Date | null; oldestExpiring: Date | null }>
      >`
        SELECT (SELECT max("hour") FROM "ClusterHistoryHourly") AS "lastHour",
               (SELECT min("at") FROM "ClusterHistory") AS "oldest",
               (SELECT min("at") FROM "ClusterHistory" WHERE "at" < ${rawCutoff}) AS "oldestExpiring"`;
      const candidates = [
        bounds?.lastHour
          ? bounds.lastHour.getTime() - 2 * HOUR_MS
          : (bounds?.oldest?.getTime() ?? currentHour.getTime()),
      ];
      if (bounds?.oldestExpiring) candidates.push(bounds.oldestExpiring.getTime());
      const since = new Date(Math.min(...candidates));
      const hoursWritten = await tx.$executeRawUnsafe(ROLLUP_SQL, since, currentHour);
      const raw = await tx.clusterHistory.deleteMany({ where: { at: { lt: rawCutoff } } });
      const yearAgo = new Date(now.getTime() - HOURLY_RETENTION_DAYS * DAY_MS);
      const hourly = await tx.clusterHistoryHourly.deleteMany({ where: { hour: { lt: yearAgo } } });
      // Disk wear moves slowly: a year of samples is enough to project it.
      await tx.diskWearSample.deleteMany({ where: { at: { lt: yearAgo } } });
      return { hoursWritten, rawDeleted: raw.count, hourlyDeleted: hourly.count };
    },
    { timeout: 120_000 },
  );
}
