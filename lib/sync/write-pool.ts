// The connections sync writes go through: plain `pg`, not Prisma. A sync's write is one
// statement whose parameters are the cluster's state as JSON (~100 kB for 300 guests); handing
// that through Prisma's raw-query path cost ~8 ms per write in its WebAssembly engine, against
// ~1 ms here, which at a hundred clusters per interval was a second of CPU. Four connections:
// the same bound as the sync's write slots, and well below lib/db.ts's pool, so pages keep theirs.
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
  globalForPool.sovereignSyncWritePool ??= new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 4,
    allowExitOnIdle: true,
    application_name: "sovereign-sync-write",
    options: "-c synchronous_commit=off",
  });
  return globalForPool.sovereignSyncWritePool;
}

export async function closeSyncWritePool(): Promise<void> {
  const pool = globalForPool.sovereignSyncWritePool;
  globalForPool.sovereignSyncWritePool = undefined;
  await pool?.end();
}
