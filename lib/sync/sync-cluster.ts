// One sync of one cluster: read it over the network (no transaction open), then write its
// current state, its status and a history row atomically, as one statement (write.ts). A failure
// changes only the cluster's status (and adds a "down" history row): the last known state stays
// as it was.
import type { ClusterHealth } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import {
  cachedClientFor,
  connectionSelect,
  dropCachedClient,
  type ClientTuning,
  type ConnectionRow,
} from "@/lib/clusters/connection";
import { SecretKeyError } from "@/lib/clusters/secrets";
import { isProxmoxError, ProxmoxFingerprintMismatchError } from "@/lib/proxmox";
import { withClusterSyncLock } from "./lock";
import { createSemaphore } from "./semaphore";
import { forgetNodeDetails, nodeDetailsDue, recordNodeDetails } from "./node-details";
import { readCluster } from "./read";
import { buildSnapshot } from "./snapshot";
import { writeSyncSuccess } from "./write";

/** Disks (SMART reads are slow on real hosts) are read at most this often. */
export const DISK_SYNC_INTERVAL_MS = 5 * 60_000;

// Writes at once per process: below lib/db.ts's pool of 10, so pages still get connections.
const writeSlots = createSemaphore(4);

export type SyncSkipReason = "not_found" | "disabled" | "certificate_changed" | "already_running";

export type SyncOutcome =
  | { status: "ok"; durationMs: number; health: ClusterHealth; guests: number; nodes: number; disksRead: boolean }
  | { status: "failed"; durationMs: number; kind: string; message: string }
  | { status: "skipped"; reason: SyncSkipReason };

export interface SyncOptions {
  /** Read disks regardless of when they were last read. */
  forceDisks?: boolean;
  /** Read every node's status regardless of when it was last read ("Sync now"). */
  forceNodeDetails?: boolean;
  /** Client tuning (tests shorten timeouts and retries). */
  client?: ClientTuning;
  now?: () => Date;
}

interface Failure {
  kind: string;
  message: string;
  pendingFingerprint?: string;
}

function describeFailure(error: unknown): Failure {
  if (error instanceof ProxmoxFingerprintMismatchError) {
    return {
      kind: error.code,
      message:
        "The cluster presented a different TLS certificate. Compare the fingerprints and accept the new one to resume sync.",
      pendingFingerprint: error.actual,
    };
  }
  if (isProxmoxError(error)) {
    // The client builds messages from redacted server text only: no token secret can be in it.
    return { kind: error.code, message: error.message };
  }
  if (error instanceof SecretKeyError) return { kind: "secret_key", message: error.message };
  console.error("[sync] unexpected failure", error instanceof Error ? `${error.name}: ${error.message}` : error);
  return { kind: "internal", message: "The sync failed unexpectedly; see the worker's log." };
}

export async function syncCluster(clusterId: string, opts: SyncOptions = {}): Promise<SyncOutcome> {
  const now = opts.now ?? (() => new Date());
  const locked = await withClusterSyncLock<SyncOutcome, SyncClusterRow>(
    clusterId,
    (row) => syncLocked(clusterId, row, opts, now),
    SYNC_CLUSTER_QUERY,
  );
  return locked.acquired ? locked.value : { status: "skipped", reason: "already_running" };
}

type SyncClusterRow = ConnectionRow & { lastDisksSyncAt: Date | null };

/**
 * The sync's checks and its client need one read of the cluster row, made through `pg` in the
 * same round trip as taking the sync lock (see lock.ts): at a hundred clusters per interval, a
 * query each through Prisma's engine was a measurable share of the CPU (docs/performance.md).
 * Hand-written SQL for that measured reason. The columns are the select's field
 * names (the Cluster model maps none); identifiers come from these constants only.
 */
const SYNC_CLUSTER_QUERY = `SELECT ${[...Object.keys(connectionSelect), "lastDisksSyncAt"].map((c) => `"${c}"`).join(", ")} FROM "Cluster" WHERE "id" = $2::text::uuid`;

async function syncLocked(
  clusterId: string,
  cluster: SyncClusterRow | null,
  opts: SyncOptions,
  now: () => Date,
): Promise<SyncOutcome> {
  if (!cluster) {
    dropCachedClient(clusterId);
    return { status: "skipped", reason: "not_found" };
  }
  if (!cluster.enabled) return { status: "skipped", reason: "disabled" };
  if (cluster.pendingFingerprint) return { status: "skipped", reason: "certificate_changed" };

  const started = now();
  const readDisks =
    opts.forceDisks === true ||
    !cluster.lastDisksSyncAt ||
    started.getTime() - cluster.lastDisksSyncAt.getTime() >= DISK_SYNC_INTERVAL_MS;
  try {
    const connection = cachedClientFor(cluster, opts.client);
    const reading = await readCluster(connection.client, {
      disks: readDisks,
      nodeDetails: (online) => opts.forceNodeDetails === true || nodeDetailsDue(clusterId, online, started.getTime()),
    });
    if (reading.nodeStatus !== null) {
      const online = [...reading.nodeStatus.keys()];
      recordNodeDetails(
        clusterId,
        online,
        [...reading.nodeStatus.values()].every((s) => s !== null),
        started.getTime(),
      );
    }
    const snapshot = buildSnapshot(reading);
    const at = now();
    const durationMs = at.getTime() - started.getTime();
    const disksRead = snapshot.disks !== null && snapshot.diskNodes.length > 0;
    await writeSlots.run(() => writeSyncSuccess(clusterId, snapshot, { at, durationMs, disksRead }));
    return {
      status: "ok",
      durationMs,
      health: snapshot.summary.health,
      guests: snapshot.guests.length,
      nodes: snapshot.nodes.length,
      disksRead,
    };
  } catch (error) {
    // A failed cluster may have left half-open connections: start afresh next time.
    dropCachedClient(clusterId);
    forgetNodeDetails(clusterId);
    const failure = describeFailure(error);
    const at = now();
    await recordFailure(clusterId, failure, at);
    return {
      status: "failed",
      durationMs: at.getTime() - started.getTime(),
      kind: failure.kind,
      message: failure.message,
    };
  }
}

async function recordFailure(clusterId: string, failure: Failure, at: Date): Promise<void> {
  await writeSlots.run(() =>
    db.$transaction(async (tx) => {
      const { count } = await tx.cluster.updateMany({
        where: { id: clusterId },
        data: {
          health: "down",
          lastAttemptAt: at,
          lastErrorAt: at,
          lastErrorKind: failure.kind,
          lastErrorMessage: failure.message.slice(0, 1000),
          consecutiveFailures: { increment: 1 },
          ...(failure.pendingFingerprint
            ? { pendingFingerprint: failure.pendingFingerprint, pendingFingerprintSeenAt: at }
            : {}),
        },
      });
      if (count > 0) await tx.clusterHistory.create({ data: { clusterId, at, health: "down" } });
    }),
  );
}
