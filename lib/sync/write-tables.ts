// The tables a sync's write fills and how each column travels (its SQL type, and the cast that
// turns text into an enum). Each list is checked against the Prisma model it writes: a migration
// that adds, removes or renames a column fails the typecheck here until the list says how the
// sync writes it, or names it as not written. write-tables.int.test.ts checks the migrated
// database the same way.
import type { Prisma } from "@/generated/prisma/client";

export interface Column {
  name: string;
  /** The column's SQL type ("text[]" columns travel as one literal per row, see pg-array.ts). */
  type: string;
  /** Cast applied on insert (enums arrive as text). */
  cast?: string;
}

type ColumnType = Omit<Column, "name">;

export interface TableSpec {
  table: string;
  /** Natural key within a cluster: the ON CONFLICT target besides "clusterId". */
  key: string[];
  columns: Column[];
  /** Tables with an @updatedAt column get now(). */
  updatedAt: boolean;
  /** The model's columns the snapshot does not fill (ids, timestamps, columns others write). */
  notWritten: readonly string[];
}

interface Declared<Fields, Skip extends keyof Fields & string> {
  notWritten: readonly Skip[];
  /** Exactly the model's other columns: one more or one fewer is a type error. */
  columns: Record<Exclude<keyof Fields & string, Skip>, ColumnType>;
}

/** The column list of a model whose scalar fields are `Fields` (Prisma's ScalarFieldEnum). */
function declare<Fields>() {
  return <Skip extends keyof Fields & string>(declared: Declared<Fields, Skip>) => ({
    notWritten: declared.notWritten,
    columns: Object.entries<ColumnType>(declared.columns).map(([name, type]) => ({ name, ...type })),
  });
}

const text: ColumnType = { type: "text" };
const texts: ColumnType = { type: "text[]" };
const float: ColumnType = { type: "float8" };
const int: ColumnType = { type: "int" };
const bool: ColumnType = { type: "boolean" };
const time: ColumnType = { type: "timestamptz" };
const enumOf = (name: string): ColumnType => ({ type: "text", cast: `"${name}"` });

export const NODES: TableSpec = {
  table: "ClusterNode",
  key: ["name"],
  updatedAt: true,
  ...declare<typeof Prisma.ClusterNodeScalarFieldEnum>()({
    // sslFingerprint: Proxmox reports it per node, but nothing reads it yet.
    notWritten: ["id", "clusterId", "updatedAt", "sslFingerprint"],
    columns: {
      name: text,
      status: enumOf("NodeStatus"),
      ip: text,
      cpu: float,
      maxcpu: int,
      mem: float,
      maxmem: float,
      disk: float,
      maxdisk: float,
      uptime: int,
      loadavg1: float,
      pveVersion: text,
      kernel: text,
      cpuModel: text,
      level: text,
      haState: text,
    },
  }),
};

/** Columns only a node's own status gives: kept as stored in a sync that did not read it. */
const NODE_DETAILS = new Set(["loadavg1", "pveVersion", "kernel", "cpuModel"]);
export const NODES_WITHOUT_DETAILS: TableSpec = {
  ...NODES,
  columns: NODES.columns.filter((c) => !NODE_DETAILS.has(c.name)),
};

export const GUESTS: TableSpec = {
  table: "Guest",
  key: ["vmid"],
  updatedAt: true,
  ...declare<typeof Prisma.GuestScalarFieldEnum>()({
    notWritten: ["id", "clusterId", "updatedAt"],
    columns: {
      vmid: int,
      type: enumOf("GuestType"),
      name: text,
      node: text,
      status: enumOf("GuestStatus"),
      template: bool,
      tags: texts,
      maxcpu: float,
      maxmem: float,
      maxdisk: float,
      hastate: text,
      lock: text,
      pool: text,
    },
  }),
};

/**
 * A running guest's usage changes every sync; its row does not. Usage goes to the cluster's one
 * GuestMetrics row, as arrays aligned with the guests' vmids, so an unchanged guest row is left
 * alone (see upsertCte) and only a guest that changed is written.
 */
export const GUEST_METRICS = declare<typeof Prisma.GuestMetricsScalarFieldEnum>()({
  // vmid is the guests' own column (see write.ts's usage).
  notWritten: ["clusterId", "at", "vmid"],
  columns: { cpu: float, mem: float, disk: float, netin: float, netout: float, uptime: int },
});

export const STORAGES: TableSpec = {
  table: "Storage",
  key: ["node", "storage"],
  updatedAt: true,
  ...declare<typeof Prisma.StorageScalarFieldEnum>()({
    notWritten: ["id", "clusterId", "updatedAt"],
    columns: {
      node: text,
      storage: text,
      plugintype: text,
      content: texts,
      shared: bool,
      status: text,
      disk: float,
      maxdisk: float,
    },
  }),
};

export const DISKS: TableSpec = {
  table: "Disk",
  key: ["node", "devpath"],
  updatedAt: true,
  ...declare<typeof Prisma.DiskScalarFieldEnum>()({
    notWritten: ["id", "clusterId", "updatedAt"],
    columns: {
      node: text,
      devpath: text,
      type: text,
      model: text,
      serial: text,
      vendor: text,
      size: float,
      health: text,
      wearout: int,
      used: text,
    },
  }),
};

export const HA: TableSpec = {
  table: "HaResource",
  key: ["sid"],
  updatedAt: true,
  ...declare<typeof Prisma.HaResourceScalarFieldEnum>()({
    notWritten: ["id", "clusterId", "updatedAt"],
    columns: {
      sid: text,
      vmid: int,
      node: text,
      state: text,
      crmState: text,
      requestState: text,
      group: text,
      status: text,
    },
  }),
};

export const TASKS: TableSpec = {
  table: "ClusterTask",
  key: ["upid"],
  updatedAt: false,
  ...declare<typeof Prisma.ClusterTaskScalarFieldEnum>()({
    notWritten: ["id", "clusterId"],
    columns: {
      upid: text,
      node: text,
      type: text,
      objectId: text,
      user: text,
      startedAt: time,
      endedAt: time,
      status: text,
      ok: bool,
    },
  }),
};

export const HISTORY = declare<typeof Prisma.ClusterHistoryScalarFieldEnum>()({
  notWritten: ["id", "clusterId", "at"],
  columns: {
    health: enumOf("ClusterHealth"),
    nodesOnline: int,
    nodesTotal: int,
    guestsRunning: int,
    guestsTotal: int,
    cpuUsed: float,
    cpuTotal: float,
    memUsed: float,
    memTotal: float,
    storageUsed: float,
    storageTotal: float,
  },
});

/** Every table the write fills from a snapshot, with the columns it writes and those it leaves. */
export const WRITTEN_TABLES: ReadonlyArray<{ table: string; columns: Column[]; notWritten: readonly string[] }> = [
  NODES,
  GUESTS,
  { table: "GuestMetrics", ...GUEST_METRICS },
  STORAGES,
  DISKS,
  HA,
  TASKS,
  { table: "ClusterHistory", ...HISTORY },
];

/** The columns a table has that its spec neither writes nor names as not written, and the reverse. */
export function columnDrift(
  spec: { columns: readonly Column[]; notWritten: readonly string[] },
  actual: readonly string[],
): { unknown: string[]; missing: string[] } {
  const declared = new Set([...spec.columns.map((c) => c.name), ...spec.notWritten]);
  const present = new Set(actual);
  return {
    unknown: actual.filter((name) => !declared.has(name)).sort(),
    missing: [...declared].filter((name) => !present.has(name)).sort(),
  };
}
