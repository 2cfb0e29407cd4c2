// At most one sync of a cluster at a time, across every worker process and "Sync now".
// Across processes: a PostgreSQL session advisory lock per cluster, all held on ONE dedicated
// connection per process (a session may hold any number of them), so a federation of hundreds of
// clusters syncing in parallel costs one connection, not one each; if the process dies, its
// connection closes and its locks go with it. Within a process: advisory locks are re-entrant
// per session, so a set of held ids does the exclusion there.
import pg from "pg";
import { env } from "@/lib/env";

// First key of the two-int advisory lock: keeps these apart from other areas' locks.
const SYNC_LOCK_NAMESPACE = 0x53594e43; // "SYNC"

interface LockState {
  held: Set<string>;
  client: Promise<pg.Client> | undefined;
}

const globalForLock = globalThis as unknown as { sovereignSyncLocks?: LockState };
const state: LockState = (globalForLock.sovereignSyncLocks ??= { held: new Set(), client: undefined });

function session(): Promise<pg.Client> {
  state.client ??= (async () => {
    const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "sovereign-sync-lock" });
    const drop = (why: string) => {
      // The server released every lock of this session; the next sync opens a new one.
      if (state.client) console.error(`[sync] lock connection lost (${why})`);
      state.client = undefined;
    };
    client.on("error", (error) => drop(error.message));
    client.on("end", () => drop("closed"));
    await client.connect();
    return client;
  })().catch((error: unknown) => {
    state.client = undefined;
    throw error;
  });
  return state.client;
}

let chain: Promise<unknown> = Promise.resolve();

/** One query at a time on the shared session (pg queues them anyway, but warns about it). */
function onSession<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  const next = chain.then(async () => (await session()).query<R>(text, values));
  chain = next.catch(() => undefined);
  return next;
}

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

/** Runs `fn` holding the cluster's sync lock, or returns at once if another sync holds it. */
export async function withClusterSyncLock<T>(clusterId: string, fn: () => Promise<T>): Promise<Locked<T>> {
  if (state.held.has(clusterId)) return { acquired: false };
  // Claimed synchronously, before any await, so two calls in this process cannot both pass.
  state.held.add(clusterId);
  try {
    const got = await onSession<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok", [SYNC_LOCK_NAMESPACE, clusterId]);
    if (!got.rows[0]?.ok) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      await onSession("SELECT pg_advisory_unlock($1::int, hashtext($2))", [SYNC_LOCK_NAMESPACE, clusterId]).catch((error: unknown) => {
        // The session is gone, and its locks with it.
        console.error("[sync] advisory unlock failed:", error instanceof Error ? error.message : error);
      });
    }
  } finally {
    state.held.delete(clusterId);
  }
}

/** For tests: the lock as another process would take it, on a connection of its own. */
export async function holdClusterSyncLockElsewhere(clusterId: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1::int, hashtext($2))", [SYNC_LOCK_NAMESPACE, clusterId]);
  return () => client.end();
}

export async function closeSyncLockSession(): Promise<void> {
  const pending = state.client;
  state.client = undefined;
  if (pending) await (await pending).end();
}
