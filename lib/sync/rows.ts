// The rows a sync stores, as plain data: what lib/sync/snapshot.ts builds and write.ts writes.
import type { ClusterHealth, GuestStatus, GuestType, NodeStatus as NodeState } from "@/generated/prisma/enums";
import type { ClusterResource, ClusterStatusEntry, ClusterTask, Disk, HaStatusEntry, NodeStatus } from "@/lib/proxmox";
import type { StoredHaResource, StoredTask, UsageColumns } from "@/lib/state/rows";

/** Everything one sync read. `null` = that read failed or was not due this run. */
export interface ClusterReading {
  status: ClusterStatusEntry[];
  resources: ClusterResource[];
  /**
   * Per online node; an entry is null when that node's own status call failed (e.g. 595). The
   * map is null when node details were not due this run (see lib/sync/node-details.ts).
   */
  nodeStatus: ReadonlyMap<string, NodeStatus | null> | null;
  ha: HaStatusEntry[] | null;
  tasks: ClusterTask[] | null;
  /** Per node that answered; null when disks were not due this run. */
  disks: ReadonlyMap<string, Disk[]> | null;
}

export interface NodeRow extends UsageColumns {
  name: string;
  status: NodeState;
  ip: string | null;
  uptime: number;
  loadavg1: number | null;
  pveVersion: string | null;
  kernel: string | null;
  cpuModel: string | null;
  level: string | null;
  haState: string | null;
}

export interface GuestRow extends UsageColumns {
  vmid: number;
  type: GuestType;
  name: string;
  node: string;
  status: GuestStatus;
  template: boolean;
  tags: string[];
  netin: number;
  netout: number;
  uptime: number;
  hastate: string | null;
  lock: string | null;
  pool: string | null;
}

export interface StorageRow {
  node: string;
  storage: string;
  plugintype: string | null;
  content: string[];
  shared: boolean;
  status: string;
  disk: number;
  maxdisk: number;
}

export interface DiskRow {
  node: string;
  devpath: string;
  type: string | null;
  model: string | null;
  serial: string | null;
  vendor: string | null;
  size: number;
  health: string | null;
  wearout: number | null;
  used: string | null;
}

export interface ClusterSummary {
  health: ClusterHealth;
  nodesOnline: number;
  nodesTotal: number;
  guestsRunning: number;
  guestsTotal: number;
  cpuUsed: number;
  cpuTotal: number;
  memUsed: number;
  memTotal: number;
  storageUsed: number;
  storageTotal: number;
}

export interface ClusterFacts {
  pveClusterName: string | null;
  quorate: boolean;
  /** Absent when node details were not read this run: the stored version stays. */
  pveVersion?: string | null;
  haQuorate: boolean | null;
  haMasterNode: string | null;
  haFencingState: string | null;
}

export interface ClusterSnapshot {
  facts: ClusterFacts;
  /** Node rows; their detail columns (loadavg, version, kernel, CPU model) only if detailsRead. */
  nodes: NodeRow[];
  nodeDetailsRead: boolean;
  guests: GuestRow[];
  storages: StorageRow[];
  /** null when disks were not read this run: keep the stored ones. */
  disks: DiskRow[] | null;
  /** The nodes whose disks were read: only their stored disks are replaced. */
  diskNodes: string[];
  ha: StoredHaResource[] | null;
  tasks: StoredTask[] | null;
  summary: ClusterSummary;
}
