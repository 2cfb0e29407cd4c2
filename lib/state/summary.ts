// Pure aggregation of synced rows into what the overview and the cluster page show: per-cluster
// usage, federation totals and the problems worth a look. Raw numbers only; components format.
import type { ClusterHealth, GuestStatus, NodeStatus } from "@/generated/prisma/enums";
import type { SyncStatus } from "./staleness";

export interface Usage {
  used: number;
  total: number;
}

export interface NodeRow {
  clusterId: string;
  name: string;
  status: NodeStatus;
  cpu: number;
  maxcpu: number;
  mem: number;
  maxmem: number;
}

export interface StorageRow {
  clusterId: string;
  node: string;
  storage: string;
  shared: boolean;
  status: string;
  disk: number;
  maxdisk: number;
}

export interface ClusterUsage {
  nodes: { online: number; total: number };
  guests: { running: number; total: number };
  /** CPUs busy and present on online nodes (offline nodes report nothing current). */
  cpu: Usage;
  mem: Usage;
  /** Shared storages counted once, however many nodes list them. */
  storage: Usage;
}

export const emptyUsage = (): ClusterUsage => ({
  nodes: { online: 0, total: 0 },
  guests: { running: 0, total: 0 },
  cpu: { used: 0, total: 0 },
  mem: { used: 0, total: 0 },
  storage: { used: 0, total: 0 },
});

/** Usage per cluster id from node, guest-count and storage rows of any number of clusters. */
export function usageByCluster(
  nodes: readonly NodeRow[],
  guestCounts: ReadonlyArray<{ clusterId: string; status: GuestStatus; count: number }>,
  storages: readonly StorageRow[],
): Map<string, ClusterUsage> {
  const out = new Map<string, ClusterUsage>();
  const of = (id: string): ClusterUsage => {
    let usage = out.get(id);
    if (!usage) out.set(id, (usage = emptyUsage()));
    return usage;
  };
  for (const node of nodes) {
    const usage = of(node.clusterId);
    usage.nodes.total += 1;
    if (node.status !== "online") continue;
    usage.nodes.online += 1;
    usage.cpu.used += node.cpu * node.maxcpu;
    usage.cpu.total += node.maxcpu;
    usage.mem.used += node.mem;
    usage.mem.total += node.maxmem;
  }
  for (const { clusterId, status, count } of guestCounts) {
    const usage = of(clusterId);
    usage.guests.total += count;
    if (status === "running") usage.guests.running += count;
  }
  const seenShared = new Set<string>();
  for (const storage of storages) {
    if (storage.status !== "available") continue;
    if (storage.shared) {
      const key = `${storage.clusterId}\u0000${storage.storage}`;
      if (seenShared.has(key)) continue;
      seenShared.add(key);
    }
    const usage = of(storage.clusterId);
    usage.storage.used += storage.disk;
    usage.storage.total += storage.maxdisk;
  }
  return out;
}

export interface FederationTotals {
  clusters: Record<ClusterHealth, number> & { total: number };
  usage: ClusterUsage;
}

export function federationTotals(
  clusters: ReadonlyArray<{ health: ClusterHealth; usage: ClusterUsage }>,
): FederationTotals {
  const counts = { healthy: 0, degraded: 0, down: 0, unknown: 0, total: clusters.length };
  const usage = emptyUsage();
  for (const cluster of clusters) {
    counts[cluster.health] += 1;
    const u = cluster.usage;
    usage.nodes.online += u.nodes.online;
    usage.nodes.total += u.nodes.total;
    usage.guests.running += u.guests.running;
    usage.guests.total += u.guests.total;
    for (const key of ["cpu", "mem", "storage"] as const) {
      usage[key].used += u[key].used;
      usage[key].total += u[key].total;
    }
  }
  return { clusters: counts, usage };
}

/** Storage this full is worth a look before it fills (Proxmox warns at 90 % too). */
export const STORAGE_FULL_RATIO = 0.9;

export type ProblemKind =
  | "certificate_changed"
  | "cluster_down"
  | "sync_stale"
  | "quorum_lost"
  | "node_offline"
  | "storage_full"
  | "ha_error"
  | "task_failed";

export interface Problem {
  kind: ProblemKind;
  severity: "critical" | "warning";
  clusterId: string;
  clusterName: string;
  /** What it is about: a node, a storage, a HA service, a task type… (empty for the cluster). */
  subject: string;
  /** Proxmox's or the sync's own words, when there are any. */
  detail: string | null;
  /** Raw figures for the component to format (a storage's fill ratio, a state's age). */
  ratio?: number;
  ageMs?: number | null;
  at?: Date;
}

export interface ClusterProblemInput {
  id: string;
  name: string;
  health: ClusterHealth;
  quorate: boolean | null;
  sync: SyncStatus;
}

/** Problems of one cluster as a whole: its sync, its certificate, its quorum. */
export function clusterProblems(cluster: ClusterProblemInput): Problem[] {
  const base = { clusterId: cluster.id, clusterName: cluster.name, subject: "" };
  const problems: Problem[] = [];
  const { sync } = cluster;
  if (sync.freshness === "certificate_changed") {
    problems.push({ ...base, kind: "certificate_changed", severity: "critical", detail: null, ageMs: sync.ageMs });
  } else if (cluster.health === "down" || (sync.error && sync.freshness !== "disabled")) {
    problems.push({
      ...base,
      kind: "cluster_down",
      severity: "critical",
      detail: sync.error?.message ?? null,
      ageMs: sync.ageMs,
    });
  } else if (sync.freshness === "stale") {
    problems.push({ ...base, kind: "sync_stale", severity: "warning", detail: null, ageMs: sync.ageMs });
  }
  if (cluster.quorate === false && cluster.health !== "down") {
    problems.push({ ...base, kind: "quorum_lost", severity: "critical", detail: null });
  }
  return problems;
}

const SEVERITY_ORDER = { critical: 0, warning: 1 } as const;

/** Critical first, then by cluster name, so the list reads the same on every refresh. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.clusterName.localeCompare(b.clusterName) ||
      a.subject.localeCompare(b.subject),
  );
}
