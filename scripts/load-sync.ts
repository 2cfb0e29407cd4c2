// The sync of `npm run load`, in a process of its own so its CPU is counted apart from the app's
// and the load generator's: the whole federation, round after round, a round starting every
// --interval seconds (or at once when one took longer). On SIGTERM it finishes the round and
// prints one JSON line: rounds, failed syncs and the median round.
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { median, round } from "./lib/stats";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { interval: { type: "string", default: "5" } } });
  const intervalMs = Number(values.interval) * 1000;
  const { db } = await import("@/lib/db");
  const { syncClusters } = await import("@/lib/sync/federation");
  const { closeSyncLockSession } = await import("@/lib/sync/lock");
  const { closeSyncWritePool } = await import("@/lib/sync/write-pool");
  const { closeCachedClients } = await import("@/lib/clusters/connection");
  const ids = (await db.cluster.findMany({ select: { id: true } })).map((c) => c.id);

  let stopping = false;
  process.once("SIGTERM", () => (stopping = true));
  const rounds: number[] = [];
  let failed = 0;
  while (!stopping) {
    const started = performance.now();
    const outcomes = await syncClusters(ids, { concurrency: 8 });
    failed += [...outcomes.values()].filter((o) => o.status === "failed").length;
    rounds.push(performance.now() - started);
    const wait = intervalMs - (performance.now() - started);
    for (let waited = 0; waited < wait && !stopping; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(JSON.stringify({ rounds: rounds.length, failed, median_round_ms: round(median(rounds)) }));
  closeCachedClients();
  await closeSyncLockSession();
  await closeSyncWritePool();
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[load-sync] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
