// The connections a sync writes its state through: plain `pg`, not Prisma. A sync's write is
// one statement with ~50 kB of parameters for 300 guests; handing that through Prisma's raw-query
// path cost ~8 ms per write in its WebAssembly engine, against ~1 ms here, which at a hundred
// clusters per interval was a second of CPU. Four connections: the same bound as the sync's
// write slots, and well below lib/db.ts's pool, so pages keep theirs.
//
// These connections commit without waiting for the WAL flush (synchronous_commit = off). A sync
// writes a copy of what the clusters report, every interval; on the benchmark's 100 clusters the
// fsync per commit was most of the federation's sync time (4-7.8 s against 1.2-1.7 s without it,
// measured back to back). What a crash can cost: the writes of the last fraction of a second
// (PostgreSQL flushes asynchronous commits within three wal_writer_delay, 600 ms by default). Each
// write is still atomic and the database consistent; the next sync writes the state again. All
// other writes keep the default.
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
