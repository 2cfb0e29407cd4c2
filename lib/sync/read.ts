// One sync's reads from a cluster. Cluster-wide calls must succeed (they are the sync); per-node
// calls may fail on their own (a node down answers 595) and only degrade what we know.
import {
  getClusterResources,
  getClusterStatus,
  getHaStatus,
  getNodeStatus,
  isProxmoxError,
  listClusterTasks,
  listDisks,
  type ClusterTask,
  type Disk,
  type HaStatusEntry,
  type NodeStatus,
  type ProxmoxClient,
} from "@/lib/proxmox";
import type { ClusterReading } from "./rows";

/** Per-node and optional reads tolerate Proxmox errors; anything else is a bug and propagates. */
async function tolerant<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isProxmoxError(error) && error.code !== "tls_fingerprint_mismatch" && error.code !== "unauthenticated")
      return null;
    throw error;
  }
}

export interface ReadOptions {
  disks: boolean;
  /** Given the online nodes, whether to read each one's status this run. */
  nodeDetails: (online: readonly string[]) => boolean;
}

export async function readCluster(client: ProxmoxClient, opts: ReadOptions): Promise<ClusterReading> {
  // The three cluster-wide reads in parallel: over a WAN link latency dominates.
  const [status, resources, ha, tasks] = await Promise.all([
    getClusterStatus(client),
    getClusterResources(client),
    tolerant<HaStatusEntry[]>(getHaStatus(client)),
    tolerant<ClusterTask[]>(listClusterTasks(client)),
  ]);
  const online = resources.filter((r) => r.type === "node" && r.status === "online" && r.node).map((r) => r.node ?? "");
  const details = opts.nodeDetails(online);
  const perNode =
    details || opts.disks
      ? await Promise.all(
          online.map(async (node) => {
            const [detail, disks] = await Promise.all([
              details ? tolerant<NodeStatus>(getNodeStatus(client, node)) : Promise.resolve(null),
              opts.disks ? tolerant<Disk[]>(listDisks(client, node)) : Promise.resolve(null),
            ]);
            return { node, detail, disks };
          }),
        )
      : [];
  const nodeStatus = details ? new Map(perNode.map((p) => [p.node, p.detail])) : null;
  // Only nodes that answered: the stored disks of the others are kept (see write.ts).
  const disks = opts.disks
    ? new Map(perNode.flatMap((p) => (p.disks === null ? [] : [[p.node, p.disks] as const])))
    : null;
  return { status, resources, nodeStatus, ha, tasks, disks };
}
