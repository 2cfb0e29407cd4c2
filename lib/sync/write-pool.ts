// The connections a sync writes its state through: plain `pg`, not Prisma, because a write of
// ~50 kB of parameters costs far less here than through Prisma's raw-query path (measured in
// docs/performance.md). Four connections: the same bound as the sync's write slots, and well below
// lib/db.ts's pool, so pages keep theirs.
//
// These connections commit without waiting for the WAL flush (synchronous_commit = off): a sync
// writes a copy of what the clusters report, every interval, and the fsync per commit was most of
// a federation's sync time (docs/performance.md). What a crash can cost: the writes of the last
// fraction of a second (PostgreSQL flushes asynchronous commits within three wal_writer_delay).
// Each write is still atomic and the database consistent; the next sync writes the state again.
// All other writes keep the default.
import pg from "pg";
import { env } from "@/lib/env";

const globalForPool = globalThis as unknown as { sovereignSyncWritePool?: pg.Pool };

export function syncWritePool(): pg.Pool {
  if (!globalForPool.sovereignSyncWritePool) {
    const pool = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: 4,
      allowExitOnIdle: true,
      application_name: "sovereign-sync-write",
      options: "-c synchronous_commit=off",
    });
    // An idle connection the server closed (a restart, an admin's pg_terminate_backend) is
    // reported here; unheard, it would crash the worker. The pool drops it and opens another.
    pool.on("error", (error) => console.error(`[sync] idle database connection lost: ${error.message}`));
    globalForPool.sovereignSyncWritePool = pool;
  }
  return globalForPool.sovereignSyncWritePool;
}

export async function closeSyncWritePool(): Promise<void> {
  const pool = globalForPool.sovereignSyncWritePool;
  globalForPool.sovereignSyncWritePool = undefined;
  await pool?.end();
}
