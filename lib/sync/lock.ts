// At most one sync of a cluster at a time, across every worker process and "Sync now": a
// PostgreSQL session advisory lock held on a dedicated connection for the whole sync (reads and
// write). If the process dies, its connection closes and the lock goes with it.
import pg from "pg";
import { env } from "@/lib/env";

// First key of the two-int advisory lock: keeps our locks apart from other areas' (audit uses
// its own key).
const SYNC_LOCK_NAMESPACE = 0x53594e43; // "SYNC"

const globalForLock = globalThis as unknown as { sovereignSyncLockPool?: pg.Pool };

function pool(): pg.Pool {
  globalForLock.sovereignSyncLockPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 16, allowExitOnIdle: true, application_name: "sovereign-sync-lock" });
  return globalForLock.sovereignSyncLockPool;
}

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

/** Runs `fn` holding the cluster's sync lock, or returns at once if another sync holds it. */
export async function withClusterSyncLock<T>(clusterId: string, fn: () => Promise<T>): Promise<Locked<T>> {
  const conn = await pool().connect();
  let broken = false;
  try {
    const got = await conn.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok", [SYNC_LOCK_NAMESPACE, clusterId]);
    if (!got.rows[0]?.ok) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      try {
        await conn.query("SELECT pg_advisory_unlock($1::int, hashtext($2))", [SYNC_LOCK_NAMESPACE, clusterId]);
      } catch (error) {
        // Could not unlock: drop the connection so the server releases the lock with it.
        broken = true;
        console.error("[sync] advisory unlock failed", error instanceof Error ? error.message : error);
      }
    }
  } finally {
    conn.release(broken);
  }
}

export async function closeSyncLockPool(): Promise<void> {
  const p = globalForLock.sovereignSyncLockPool;
  globalForLock.sovereignSyncLockPool = undefined;
  await p?.end();
}
