import "server-only";
// One cluster's page: its synced nodes, storages, HA state and recent tasks. Guests are paged
// separately (guests.ts) because a cluster may have thousands.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clusterPublicSelect, type ClusterPublic } from "./cluster-select";
import { storedTaskSelect, type StoredHaResource, type StoredTask, type UsageColumns } from "./rows";
import { syncStatus, type SyncStatus } from "./staleness";
import { emptyUsage, usageByCluster, type ClusterUsage } from "./summary";

export interface ClusterView {
  cluster: ClusterPublic;
  sync: SyncStatus;
  usage: ClusterUsage;
  nodes: Array<
    UsageColumns & {
      name: string;
      status: string;
      uptime: number;
      pveVersion: string | null;
      kernel: string | null;
      haState: string | null;
      loadavg1: number | null;
    }
  >;
  storages: Array<{
    node: string;
    storage: string;
    plugintype: string | null;
    shared: boolean;
    status: string;
    disk: number;
    maxdisk: number;
    content: string[];
  }>;
  ha: StoredHaResource[];
  tasks: Array<StoredTask & { id: string }>;
}

/** Null when no live cluster has this id (the page turns it into a 404, or the archived notice). */
export async function getClusterView(id: string, now = new Date()): Promise<ClusterView | null> {
  const cluster = await db.cluster.findUnique({ where: { id, archivedAt: null }, select: clusterPublicSelect });
  if (!cluster) return null;
  const [nodes, storages, ha, tasks, guestGroups] = await Promise.all([
    db.clusterNode.findMany({
      where: { clusterId: id },
      orderBy: { name: "asc" },
      select: {
        clusterId: true,
        name: true,
        status: true,
        cpu: true,
        maxcpu: true,
        mem: true,
        maxmem: true,
        disk: true,
        maxdisk: true,
        uptime: true,
        pveVersion: true,
        kernel: true,
        haState: true,
        loadavg1: true,
      },
    }),
    db.storage.findMany({
      where: { clusterId: id },
      orderBy: [{ storage: "asc" }, { node: "asc" }],
      select: {
        clusterId: true,
        node: true,
        storage: true,
        plugintype: true,
        shared: true,
        status: true,
        disk: true,
        maxdisk: true,
        content: true,
      },
    }),
    db.haResource.findMany({
      where: { clusterId: id },
      orderBy: { sid: "asc" },
      select: {
        sid: true,
        vmid: true,
        node: true,
        state: true,
        crmState: true,
        requestState: true,
        group: true,
        status: true,
      },
    }),
    db.clusterTask.findMany({
      where: { clusterId: id },
      orderBy: { startedAt: "desc" },
      take: 15,
      select: { id: true, ...storedTaskSelect },
    }),
    db.guest.groupBy({
      by: ["clusterId", "status"],
      where: { clusterId: id, template: false },
      _count: { _all: true },
    }),
  ]);
  const usage =
    usageByCluster(
      nodes,
      guestGroups.map((g) => ({ clusterId: g.clusterId, status: g.status, count: g._count._all })),
      storages,
    ).get(id) ?? emptyUsage();
  return {
    cluster,
    sync: syncStatus(cluster, now, env().SYNC_INTERVAL_SECONDS),
    usage,
    nodes,
    // A shared storage is one thing however many nodes list it: show it once.
    storages: storages.filter(
      (s, i) => !s.shared || storages.findIndex((t) => t.shared && t.storage === s.storage) === i,
    ),
    ha,
    tasks,
  };
}
