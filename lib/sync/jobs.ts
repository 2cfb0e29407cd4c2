// The sync's background jobs. Every worker runs a small dispatcher that queues one
// "sync.cluster" job per cluster that is due; the queue is "stately" keyed by cluster, so however
// many workers dispatch, a cluster has at most one job waiting and one running (and syncCluster's
// advisory lock covers "Sync now" besides). An hourly job rolls history up and prunes it.
import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { closeCachedClients } from "@/lib/clusters/connection";
import { env } from "@/lib/env";
import type { StopArea } from "@/lib/jobs/boss";
import { rollupHistory } from "./history";
import { closeSyncLockSession } from "./lock";
import { closeSyncWritePool } from "./write-pool";
import { syncCluster, type SyncOutcome } from "./sync-cluster";

export const SYNC_QUEUE = "sync.cluster";
export const ROLLUP_QUEUE = "sync.rollup";
const DISPATCH_EVERY_MS = 5_000;
// Jobs fetched in parallel per worker process: enough that one hung cluster (bounded by the
// client's timeout) does not hold up the others.
const PARALLEL_FETCHERS = 4;
const BATCH = 4;

interface SyncJobData {
  clusterId: string;
}

function isSyncJobData(data: unknown): data is SyncJobData {
  return typeof data === "object" && data !== null && "clusterId" in data && typeof data.clusterId === "string";
}

/** Clusters whose interval has passed since their last attempt (never-synced ones first). */
export async function dueClusterIds(now: Date = new Date()): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Cluster"
    WHERE "enabled" AND "pendingFingerprint" IS NULL AND "archivedAt" IS NULL
      AND ("lastAttemptAt" IS NULL OR "lastAttemptAt" + make_interval(secs => COALESCE("syncIntervalSeconds", ${env().SYNC_INTERVAL_SECONDS})) <= ${now})
    ORDER BY "lastAttemptAt" ASC NULLS FIRST`;
  return rows.map((r) => r.id);
}

/**
 * The job's body. A job queued while the previous one still ran would start right after it: skip
 * it when the cluster was attempted less than half an interval ago, so the interval holds.
 */
export async function syncIfDue(clusterId: string, now: Date = new Date()): Promise<SyncOutcome | null> {
  const cluster = await db.cluster.findUnique({
    where: { id: clusterId },
    select: { lastAttemptAt: true, syncIntervalSeconds: true },
  });
  if (!cluster) return null;
  const intervalMs = (cluster.syncIntervalSeconds ?? env().SYNC_INTERVAL_SECONDS) * 1000;
  if (cluster.lastAttemptAt && now.getTime() - cluster.lastAttemptAt.getTime() < intervalMs / 2) return null;
  return syncCluster(clusterId);
}

export async function dispatchDueSyncs(boss: PgBoss, now: Date = new Date()): Promise<number> {
  let queued = 0;
  for (const clusterId of await dueClusterIds(now)) {
    // null = a job for this cluster is already waiting (stately queue): nothing to do.
    const id = await boss.send(
      SYNC_QUEUE,
      { clusterId },
      { singletonKey: clusterId, retryLimit: 0, expireInSeconds: 300 },
    );
    if (id) queued += 1;
  }
  return queued;
}

export async function registerSyncJobs(boss: PgBoss): Promise<StopArea> {
  await boss.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, policy: "stately", retryLimit: 0 });
  await boss.createQueue(ROLLUP_QUEUE, { name: ROLLUP_QUEUE, policy: "singleton", retryLimit: 2 });

  for (let i = 0; i < PARALLEL_FETCHERS; i++) {
    await boss.work<unknown>(SYNC_QUEUE, { batchSize: BATCH, pollingIntervalSeconds: 1 }, async (jobs) => {
      // A failed sync is recorded on the cluster by syncCluster itself; the job still completes.
      await Promise.all(
        jobs.map((job) => (isSyncJobData(job.data) ? syncIfDue(job.data.clusterId) : Promise.resolve(null))),
      );
    });
  }
  await boss.work(ROLLUP_QUEUE, async () => {
    const result = await rollupHistory(db);
    console.log(
      `[sync] history rollup: ${result.hoursWritten} hours written, ${result.rawDeleted} raw and ${result.hourlyDeleted} hourly rows pruned`,
    );
  });
  await boss.schedule(ROLLUP_QUEUE, "7 * * * *");

  let running = true;
  let inFlight: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (!running) return;
    inFlight = dispatchDueSyncs(boss).catch((error: unknown) =>
      console.error("[sync] dispatch failed:", error instanceof Error ? error.message : error),
    );
  };
  tick();
  const timer = setInterval(tick, DISPATCH_EVERY_MS);
  return async () => {
    running = false;
    clearInterval(timer);
    await inFlight;
    // pg-boss stops its workers after this; the lock session and clients close once they have.
    boss.once("stopped", () => {
      closeCachedClients();
      void closeSyncLockSession();
      void closeSyncWritePool();
    });
  };
}
