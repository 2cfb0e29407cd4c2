// "Sync now": the one sync an operator starts by hand. lib/sync/actions.ts exposes it to the
// browser; tests run it with executeAction.
import { z } from "zod";
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { syncCluster } from "./sync-cluster";

export const syncNowInputSchema = z.object({ clusterId: clusterIdSchema });

/** Operators too: it only reads the cluster. Runs the sync here and now (one at a time still). */
export const syncClusterNow = defineMutation({
  name: "clusters.sync-now",
  permission: "clusters.sync",
  // It calls the cluster: no transaction held across the network (syncCluster takes its own).
  transaction: false,
  input: syncNowInputSchema,
  clusters: ({ clusterId }) => [clusterId],
  async run({ clusterId }, { tx }) {
    const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { id: true } });
    if (!cluster) throw new ActionError("not_found", "This cluster is no longer registered.");
    // On demand, node details are read fresh too (disks keep their own, slower pace).
    return syncCluster(clusterId, { forceNodeDetails: true });
  },
});
