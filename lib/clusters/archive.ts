// Removing a cluster archives it; purging deletes it with everything recorded about it. Removal
// used to delete the cluster and, by cascade, its revenue ledger, rollups, electricity costs and
// history: a click took the federation's books with it. Now removal only sets archivedAt, the
// ledger's keys RESTRICT (prisma/schema), and `purgeClusterRows` is the one way to delete them:
// the purge action calls it after a typed confirmation, and audits what it deleted.
import type { Tx } from "@/lib/db";

/** What a purge deleted, for its audit event. */
export interface PurgedRows {
  revenueEntries: number;
  revenueDaily: number;
  revenueMonthly: number;
  electricityCosts: number;
  electricityCostRevisions: number;
  history: number;
  hourlyHistory: number;
}

/**
 * Deletes the clusters and every row kept about them, in the caller's transaction. The synced
 * state (nodes, guests, storage…) goes by its own ON DELETE CASCADE, as before.
 */
export async function purgeClusterRows(tx: Tx, clusterIds: readonly string[]): Promise<PurgedRows> {
  const ids = [...clusterIds];
  const where = { clusterId: { in: ids } };
  const rows: PurgedRows = {
    revenueEntries: (await tx.revenueEntry.deleteMany({ where })).count,
    revenueDaily: (await tx.revenueDaily.deleteMany({ where })).count,
    revenueMonthly: (await tx.revenueMonthly.deleteMany({ where })).count,
    electricityCosts: (await tx.electricityCost.deleteMany({ where })).count,
    electricityCostRevisions: (await tx.electricityCostRevision.deleteMany({ where })).count,
    history: (await tx.clusterHistory.deleteMany({ where })).count,
    hourlyHistory: (await tx.clusterHistoryHourly.deleteMany({ where })).count,
  };
  await tx.cluster.deleteMany({ where: { id: { in: ids } } });
  return rows;
}
