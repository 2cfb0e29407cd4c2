// At most one sync of a cluster at a time, across every worker process and "Sync now".
// Across processes: a PostgreSQL session advisory lock per cluster, all held on one dedicated
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
  /** Locks whose sync ended, released with the next query on the session (or soon after). */
  releasing: string[];
  flush: NodeJS.Timeout | undefined;
}

const globalForLock = globalThis as unknown as { sovereignSyncLocks?: LockState };
const state: LockState = (globalForLock.sovereignSyncLocks ??= {
  held: new Set(),
  client: undefined,
  releasing: [],
  flush: undefined,
});

function session(): Promise<pg.Client> {
  state.client ??= (async () => {
    const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "sovereign-sync-lock" });
    const drop = (why: string) => {
      // The server released every lock of this session; the next sync opens a new one.
      if (state.client) console.error(`[sync] lock connection lost (${why})`);
      state.client = undefined;
      state.releasing = [];
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

// Releases ride along with the next lock query instead of costing a round trip each; with the
// cluster row read in the lock's statement (see withClusterSyncLock), a sync costs the database
// two round trips: this and its write.
const release$ = (param: string) =>
  `(SELECT count(*) FROM unnest(${param}::text[]) AS r(id) WHERE pg_advisory_unlock($1::int, hashtext(r.id)))`;
// A release waits at most this long for a lock query to ride on.
const RELEASE_DELAY_MS = 20;

/** The pending releases, taken off the list: they are in the query about to be sent. */
function takeReleases(): string[] {
  const ids = state.releasing;
  state.releasing = [];
  clearTimeout(state.flush);
  state.flush = undefined;
  return ids;
}

function release(clusterId: string): void {
  state.releasing.push(clusterId);
  state.flush ??= setTimeout(() => {
    state.flush = undefined;
    void flushReleases();
  }, RELEASE_DELAY_MS).unref();
}

/** Sends `text` with the pending releases as `values`' last parameter; on failure they stay pending. */
async function withReleases<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  const ids = takeReleases();
  try {
    return await onSession<R>(text, [...values, ids]);
  } catch (error) {
    // A failed statement released nothing: they go out with the next one. (If the session died,
    // its locks went with it, and unlocking what a new session does not hold only warns.)
    state.releasing.unshift(...ids);
    throw error;
  }
}

async function flushReleases(): Promise<void> {
  if (state.releasing.length === 0) return;
  await withReleases(`SELECT ${release$("$2")} AS released`, [SYNC_LOCK_NAMESPACE]).catch((error: unknown) => {
    console.error("[sync] advisory unlock failed:", error instanceof Error ? error.message : error);
  });
}

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

/**
 * Runs `fn` holding the cluster's sync lock, or returns at once if another sync holds it.
 * `rowQuery` (a SELECT of at most one row whose $2, text, is the cluster id) is read in the same
 * round trip as the lock is taken and its row handed to `fn` (null when there is none). It is read
 * in the statement that takes the lock, so a write committed just before the lock came free may
 * not be in it; the sync's own write re-checks what matters (see write.ts's c).
 */
export async function withClusterSyncLock<T, R extends pg.QueryResultRow = pg.QueryResultRow>(
  clusterId: string,
  fn: (row: R | null) => Promise<T>,
  rowQuery: string,
): Promise<Locked<T>> {
  if (state.held.has(clusterId)) return { acquired: false };
  // Claimed synchronously, before any await, so two calls in this process cannot both pass.
  state.held.add(clusterId);
  let locked = false;
  try {
    const lock = `pg_try_advisory_lock($1::int, hashtext($2::text)) AS "sovereignLocked", ${release$("$3")} AS "sovereignReleased"`;
    const text = `SELECT ${lock}, row.* FROM (SELECT 1) AS one LEFT JOIN LATERAL (${rowQuery}) AS row ON true`;
    const got = await withReleases<R & { sovereignLocked: boolean; sovereignReleased: string }>(text, [
      SYNC_LOCK_NAMESPACE,
      clusterId,
    ]);
    const first = got.rows[0];
    locked = first?.sovereignLocked === true;
    if (!first || !locked) return { acquired: false };
    const { sovereignLocked: _locked, sovereignReleased: _released, ...row } = first;
    // The LEFT JOIN gives a row of nulls when there is none.
    const found = Object.values(row).some((value) => value !== null) ? (row as unknown as R) : null;
    return { acquired: true, value: await fn(found) };
  } finally {
    if (locked) release(clusterId);
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
  await flushReleases();
  const pending = state.client;
  state.client = undefined;
  if (pending) await (await pending).end();
}
