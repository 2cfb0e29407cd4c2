// The connections sync writes go through: plain `pg`, not Prisma. A sync's write is one
// statement whose parameters are the cluster's state as JSON (~100 kB for 300 guests); handing
// that through Prisma's raw-query path cost ~8 ms per write in its WebAssembly engine, against
// ~1 ms here, which at a hundred clusters per interval was a second of CPU. Four connections:
// the same bound as the sync's write slots, and well below lib/db.ts's pool, so pages keep theirs.
import pg from "pg";
import { env } from "@/lib/env";

const globalForPool = globalThis as unknown as { sovereignSyncWritePool?: pg.Pool };

export function syncWritePool(): pg.Pool {
  globalForPool.sovereignSyncWritePool ??= new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 4,
    allowExitOnIdle: true,
    application_name: "sovereign-sync-write",
  });
  return globalForPool.sovereignSyncWritePool;
}

export async function closeSyncWritePool(): Promise<void> {
  const pool = globalForPool.sovereignSyncWritePool;
  globalForPool.sovereignSyncWritePool = undefined;
  await pool?.end();
}
