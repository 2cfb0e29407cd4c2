import "server-only";
// The federation overview, read from Postgres only (the sync keeps it current). A handful of
// flat queries over all clusters, aggregated in memory: at 100 clusters × 10 nodes that is ~1,000
// node rows and a grouped guest count, well inside the overview's 300 ms budget.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clusterPublicSelect, type ClusterPublic } from "./cluster-select";
import { storedTaskSelect, type StoredTask } from "./rows";
import { syncStatus, type SyncStatus } from "./staleness";
import {
  STORAGE_FULL_RATIO,
  clusterProblems,
  emptyUsage,
  federationTotals,
  sortProblems,
  usageByCluster,
  type ClusterUsage,
  type FederationTotals,
  type Problem,
} from "./summary";

export interface ClusterCard extends ClusterPublic {
  usage: ClusterUsage;
  sync: SyncStatus;
}

export interface TaskRow extends StoredTask {
  id: string;
  clusterId: string;
  clusterName: string;
}

export interface Overview {
  clusters: ClusterCard[];
  totals: FederationTotals;
  recentTasks: TaskRow[];
  problems: Problem[];
  generatedAt: Date;
}

const TASK_SELECT = {
  id: true,
  clusterId: true,
  ...storedTaskSelect,
  cluster: { select: { name: true } },
} as const;

function toTaskRow({ cluster, ...task }: { cluster: { name: string } } & Omit<TaskRow, "clusterName">): TaskRow {
  return { ...task, clusterName: cluster.name };
}

const DAY_MS = 86_400_000;

/** What the overview is computed from: the synced rows of every cluster, as one read returns them. */
export type OverviewRows = Awaited<ReturnType<typeof loadOverviewRows>>;

/** The overview's queries, over every cluster. Failed tasks of the day before `now`. */
export async function loadOverviewRows(now = new Date()) {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [clusters, nodes, guestGroups, storages, recentTasks, failedTasks, haErrors] = await Promise.all([
    // Archived clusters (lib/clusters/archive.ts) are off the live pages.
    db.cluster.findMany({ where: { archivedAt: null }, select: clusterPublicSelect, orderBy: { name: "asc" } }),
    db.clusterNode.findMany({
      select: { clusterId: true, name: true, status: true, cpu: true, maxcpu: true, mem: true, maxmem: true },
    }),
    db.guest.groupBy({ by: ["clusterId", "status"], where: { template: false }, _count: { _all: true } }),
    db.storage.findMany({
      select: { clusterId: true, node: true, storage: true, shared: true, status: true, disk: true, maxdisk: true },
    }),
    db.clusterTask.findMany({ orderBy: { startedAt: "desc" }, take: 10, select: TASK_SELECT }),
    db.clusterTask.findMany({
      where: { ok: false, startedAt: { gte: dayAgo } },
      orderBy: { startedAt: "desc" },
      take: 10,
      select: TASK_SELECT,
    }),
    db.haResource.findMany({
      where: { state: { in: ["error", "fence", "recovery"] } },
      select: { clusterId: true, sid: true, state: true, status: true },
    }),
  ]);
  return { clusters, nodes, guestGroups, storages, recentTasks, failedTasks, haErrors };
}

export async function getOverview(now = new Date()): Promise<Overview> {
  return summarizeOverview(await loadOverviewRows(now), now);
}

/**
 * The overview as of `now` from rows read earlier (lib/state/overview-cache.ts keeps them between
 * syncs): staleness and the day's failed tasks are judged against `now`, not the read.
 */
export function summarizeOverview(rows: OverviewRows, now: Date): Overview {
  const { clusters, nodes, guestGroups, storages, recentTasks, haErrors } = rows;
  const dayAgo = now.getTime() - DAY_MS;
  const failedTasks = rows.failedTasks.filter((t) => t.startedAt.getTime() >= dayAgo);
  const usage = usageByCluster(
    nodes,
    guestGroups.map((g) => ({ clusterId: g.clusterId, status: g.status, count: g._count._all })),
    storages,
  );
  const interval = env().SYNC_INTERVAL_SECONDS;
  const cards: ClusterCard[] = clusters.map((cluster) => ({
    ...cluster,
    usage: usage.get(cluster.id) ?? emptyUsage(),
    sync: syncStatus(cluster, now, interval),
  }));
  const names = new Map(cards.map((c) => [c.id, c.name]));
  const clusterName = (id: string): string => names.get(id) ?? "";

  const problems: Problem[] = cards.flatMap((c) => clusterProblems(c));
  // Nodes, storages and HA of a cluster that is down are last-known state: its "down" says enough.
  const reachable = new Set(cards.filter((c) => c.health !== "down").map((c) => c.id));
  for (const node of nodes) {
    if (node.status !== "online" && reachable.has(node.clusterId)) {
      problems.push({
        kind: "node_offline",
        severity: "critical",
        clusterId: node.clusterId,
        clusterName: clusterName(node.clusterId),
        subject: node.name,
        detail: null,
      });
    }
  }
  for (const storage of storages) {
    if (
      storage.status === "available" &&
      storage.maxdisk > 0 &&
      storage.disk / storage.maxdisk >= STORAGE_FULL_RATIO &&
      reachable.has(storage.clusterId)
    ) {
      const subject = storage.shared ? storage.storage : `${storage.storage} on ${storage.node}`;
      if (problems.some((p) => p.kind === "storage_full" && p.clusterId === storage.clusterId && p.subject === subject))
        continue;
      problems.push({
        kind: "storage_full",
        severity: "warning",
        clusterId: storage.clusterId,
        clusterName: clusterName(storage.clusterId),
        subject,
        detail: null,
        ratio: storage.disk / storage.maxdisk,
      });
    }
  }
  for (const ha of haErrors) {
    problems.push({
      kind: "ha_error",
      severity: "critical",
      clusterId: ha.clusterId,
      clusterName: clusterName(ha.clusterId),
      subject: ha.sid,
      detail: ha.status,
    });
  }
  for (const task of failedTasks.map(toTaskRow)) {
    problems.push({
      kind: "task_failed",
      severity: "warning",
      clusterId: task.clusterId,
      clusterName: task.clusterName,
      subject: `${task.type} ${task.objectId}`.trim(),
      detail: task.status,
      at: task.startedAt,
    });
  }

  return {
    clusters: cards,
    totals: federationTotals(cards),
    recentTasks: recentTasks.map(toTaskRow),
    problems: sortProblems(problems),
    generatedAt: now,
  };
}
