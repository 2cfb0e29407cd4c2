// How much to trust a cluster's synced state: pages read Postgres, so every figure is as old as
// the last successful sync. Pure, so the overview, the cluster page and tests agree on it.

export type SyncFreshness =
  /** The last attempt succeeded and it is recent. */
  | "fresh"
  /** Figures are the last known state: the latest attempt failed or syncs stopped arriving. */
  | "stale"
  /** Registered but never synced successfully. */
  | "never"
  /** An admin disabled syncing; figures are frozen. */
  | "disabled"
  /** The cluster presented another certificate; sync waits for an admin (DESIGN: TOFU). */
  | "certificate_changed";

export interface SyncStatusInput {
  enabled: boolean;
  lastSyncAt: Date | null;
  lastErrorAt: Date | null;
  lastErrorKind: string | null;
  lastErrorMessage: string | null;
  pendingFingerprint: string | null;
  syncIntervalSeconds: number | null;
}

export interface SyncStatus {
  freshness: SyncFreshness;
  /** Age of the synced state in ms; null when it was never synced. */
  ageMs: number | null;
  /** The latest failure, when it is newer than the last success. */
  error: { kind: string; message: string | null } | null;
}

/** A sync may be late by a couple of intervals (a busy worker) before the state is called stale. */
export const STALE_AFTER_INTERVALS = 3;
const MIN_STALE_MS = 60_000;

export function staleAfterMs(intervalSeconds: number): number {
  return Math.max(intervalSeconds * 1000 * STALE_AFTER_INTERVALS, MIN_STALE_MS);
}

export function syncStatus(cluster: SyncStatusInput, now: Date, defaultIntervalSeconds: number): SyncStatus {
  const ageMs = cluster.lastSyncAt ? now.getTime() - cluster.lastSyncAt.getTime() : null;
  const failedSinceSuccess =
    cluster.lastErrorAt !== null && (cluster.lastSyncAt === null || cluster.lastErrorAt > cluster.lastSyncAt);
  const error =
    failedSinceSuccess && cluster.lastErrorKind
      ? { kind: cluster.lastErrorKind, message: cluster.lastErrorMessage }
      : null;

  if (cluster.pendingFingerprint) return { freshness: "certificate_changed", ageMs, error };
  if (!cluster.enabled) return { freshness: "disabled", ageMs, error };
  if (ageMs === null) return { freshness: "never", ageMs, error };
  if (error) return { freshness: "stale", ageMs, error };
  const interval = cluster.syncIntervalSeconds ?? defaultIntervalSeconds;
  return { freshness: ageMs > staleAfterMs(interval) ? "stale" : "fresh", ageMs, error };
}

const ERROR_KIND_TEXT: Record<string, string> = {
  unreachable: "unreachable",
  node_unreachable: "node unreachable",
  tls_fingerprint_mismatch: "certificate changed",
  tls_untrusted: "certificate not trusted",
  unauthenticated: "token rejected",
  forbidden: "missing privileges",
  not_found: "API path not found",
  invalid_parameters: "request refused",
  server_error: "Proxmox server error",
  http_error: "HTTP error",
  bad_response: "unexpected answer",
  task_timeout: "timed out",
  invalid_config: "configuration problem",
  internal: "sync failed",
};

/** A ProxmoxErrorCode (or "internal") in a few plain words; unknown kinds read as "sync failed". */
export function describeErrorKind(kind: string): string {
  return ERROR_KIND_TEXT[kind] ?? "sync failed";
}
