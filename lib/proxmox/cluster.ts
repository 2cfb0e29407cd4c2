// Cluster-wide calls: any node answers them from the replicated cluster state.
import { z } from "zod";
import type { ProxmoxClient } from "./client";
import { fastArray, int } from "./lenient";
import {
  clusterResourceSchema,
  clusterStatusEntrySchema,
  haStatusEntrySchema,
  versionSchema,
  type ClusterResource,
  type ClusterStatusEntry,
  type HaStatusEntry,
  type Version,
} from "./schemas";

// Built once: the resource list is the sync's hot path (thousands of entries per call).
const clusterResourcesSchema = fastArray(clusterResourceSchema);

export function getVersion(client: ProxmoxClient): Promise<Version> {
  return client.get("/version", versionSchema);
}

/** Quorum and membership: one `cluster` entry (absent on a standalone node) and one per node. */
export function getClusterStatus(client: ProxmoxClient): Promise<ClusterStatusEntry[]> {
  return client.get("/cluster/status", z.array(clusterStatusEntrySchema));
}

/** The 9.1 `type` filter; pools and networks come only unfiltered. */
export type ClusterResourceFilter = "vm" | "node" | "storage" | "sdn";

/** Every node, guest and storage the token may see, with current usage. */
export function getClusterResources(client: ProxmoxClient, type?: ClusterResourceFilter): Promise<ClusterResource[]> {
  return client.get("/cluster/resources", clusterResourcesSchema, { type });
}

export function getHaStatus(client: ProxmoxClient): Promise<HaStatusEntry[]> {
  return client.get("/cluster/ha/status/current", z.array(haStatusEntrySchema));
}

/**
 * The lowest free vmid (PVE answers it as a string on some versions, hence the lenient int).
 * With `vmid`, checks that one is free: a taken one fails with a parameter error.
 */
export function getNextVmid(client: ProxmoxClient, vmid?: number): Promise<number> {
  return client.get("/cluster/nextid", int.req, { vmid });
}
