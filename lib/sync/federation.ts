// Syncs many clusters at once with bounded parallelism: reads overlap (they mostly wait on the
// network), while each cluster's write is its own short transaction.
import { syncCluster, type SyncOptions, type SyncOutcome } from "./sync-cluster";

export async function syncClusters(
  clusterIds: readonly string[],
  opts: SyncOptions & { concurrency?: number } = {},
): Promise<Map<string, SyncOutcome>> {
  const results = new Map<string, SyncOutcome>();
  const queue = [...clusterIds];
  const workers = Array.from({ length: Math.min(opts.concurrency ?? 32, queue.length) }, async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      results.set(id, await syncCluster(id, opts));
    }
  });
  await Promise.all(workers);
  return results;
}
