// Writes a snapshot as the cluster's current state, in the caller's transaction. Each table is
// one INSERT … ON CONFLICT over jsonb_to_recordset plus one DELETE of what vanished, so a cluster
// of thousands of guests costs a handful of statements, and row ids stay stable across syncs.
import type { Tx } from "@/lib/db";
import type { ClusterSnapshot } from "./rows";

interface Column {
  name: string;
  /** Type in the recordset definition. */
  type: string;
  /** Cast applied on insert (enums arrive as text). */
  cast?: string;
}

interface TableSpec {
  table: string;
  /** Natural key within a cluster: the ON CONFLICT target besides "clusterId". */
  key: string[];
  columns: Column[];
  /** Tables with an @updatedAt column get now(). */
  updatedAt: boolean;
}

const q = (ident: string): string => `"${ident}"`;

function upsertSql(spec: TableSpec): string {
  const cols = spec.columns.map((c) => q(c.name));
  const values = spec.columns.map((c) => `x.${q(c.name)}${c.cast ? `::${c.cast}` : ""}`);
  const updates = spec.columns.filter((c) => !spec.key.includes(c.name)).map((c) => `${q(c.name)} = EXCLUDED.${q(c.name)}`);
  if (spec.updatedAt) {
    cols.push(q("updatedAt"));
    values.push("now()");
    updates.push(`${q("updatedAt")} = now()`);
  }
  const recordset = spec.columns.map((c) => `${q(c.name)} ${c.type}`).join(", ");
  return (
    `INSERT INTO ${q(spec.table)} ("id", "clusterId", ${cols.join(", ")}) ` +
    `SELECT gen_random_uuid(), $1::uuid, ${values.join(", ")} FROM jsonb_to_recordset($2::jsonb) AS x(${recordset}) ` +
    `ON CONFLICT ("clusterId", ${spec.key.map(q).join(", ")}) DO UPDATE SET ${updates.join(", ")}`
  );
}

function deleteMissingSql(spec: TableSpec): string {
  const keyCols = spec.key.map(q).join(", ");
  const keyTypes = spec.key
    .map((k) => {
      const col = spec.columns.find((c) => c.name === k);
      return `${q(k)} ${col?.type ?? "text"}`;
    })
    .join(", ");
  return (
    `DELETE FROM ${q(spec.table)} WHERE "clusterId" = $1::uuid AND (${keyCols}) NOT IN ` +
    `(SELECT ${spec.key.map((k) => `x.${q(k)}`).join(", ")} FROM jsonb_to_recordset($2::jsonb) AS x(${keyTypes}))`
  );
}

/**
 * Makes the table's rows of this cluster exactly `rows`: upsert present ones, delete the rest
 * (of the rows matching `deleteScope`, an extra SQL condition whose only parameter is $3).
 */
async function replaceRows(tx: Tx, spec: TableSpec, clusterId: string, rows: readonly object[], deleteScope?: { sql: string; param: unknown }): Promise<void> {
  const json = JSON.stringify(rows);
  // Identifiers come from the constant specs below, never from input; values are parameters.
  if (deleteScope) await tx.$executeRawUnsafe(`${deleteMissingSql(spec)} AND (${deleteScope.sql})`, clusterId, json, deleteScope.param);
  else await tx.$executeRawUnsafe(deleteMissingSql(spec), clusterId, json);
  if (rows.length > 0) await tx.$executeRawUnsafe(upsertSql(spec), clusterId, json);
}

const text = "text";
const float = "float8";

const NODES: TableSpec = {
  table: "ClusterNode",
  key: ["name"],
  updatedAt: true,
  columns: [
    { name: "name", type: text },
    { name: "status", type: text, cast: '"NodeStatus"' },
    { name: "ip", type: text },
    { name: "cpu", type: float },
    { name: "maxcpu", type: "int" },
    { name: "mem", type: float },
    { name: "maxmem", type: float },
    { name: "disk", type: float },
    { name: "maxdisk", type: float },
    { name: "uptime", type: "int" },
    { name: "loadavg1", type: float },
    { name: "pveVersion", type: text },
    { name: "kernel", type: text },
    { name: "cpuModel", type: text },
    { name: "level", type: text },
    { name: "haState", type: text },
  ],
};

const GUESTS: TableSpec = {
  table: "Guest",
  key: ["vmid"],
  updatedAt: true,
  columns: [
    { name: "vmid", type: "int" },
    { name: "type", type: text, cast: '"GuestType"' },
    { name: "name", type: text },
    { name: "node", type: text },
    { name: "status", type: text, cast: '"GuestStatus"' },
    { name: "template", type: "boolean" },
    { name: "tags", type: "text[]" },
    ...["cpu", "maxcpu", "mem", "maxmem", "disk", "maxdisk", "netin", "netout"].map((name) => ({ name, type: float })),
    { name: "uptime", type: "int" },
    { name: "hastate", type: text },
    { name: "lock", type: text },
    { name: "pool", type: text },
  ],
};

const STORAGES: TableSpec = {
  table: "Storage",
  key: ["node", "storage"],
  updatedAt: true,
  columns: [
    { name: "node", type: text },
    { name: "storage", type: text },
    { name: "plugintype", type: text },
    { name: "content", type: "text[]" },
    { name: "shared", type: "boolean" },
    { name: "status", type: text },
    { name: "disk", type: float },
    { name: "maxdisk", type: float },
  ],
};

const DISKS: TableSpec = {
  table: "Disk",
  key: ["node", "devpath"],
  updatedAt: true,
  columns: [
    ...["node", "devpath", "type", "model", "serial", "vendor"].map((name) => ({ name, type: text })),
    { name: "size", type: float },
    { name: "health", type: text },
    { name: "wearout", type: "int" },
    { name: "used", type: text },
  ],
};

const HA: TableSpec = {
  table: "HaResource",
  key: ["sid"],
  updatedAt: true,
  columns: [
    { name: "sid", type: text },
    { name: "vmid", type: "int" },
    ...["node", "state", "crmState", "requestState", "group", "status"].map((name) => ({ name, type: text })),
  ],
};

const TASKS: TableSpec = {
  table: "ClusterTask",
  key: ["upid"],
  updatedAt: false,
  columns: [
    ...["upid", "node", "type", "objectId", "user"].map((name) => ({ name, type: text })),
    { name: "startedAt", type: "timestamptz" },
    { name: "endedAt", type: "timestamptz" },
    { name: "status", type: text },
    { name: "ok", type: "boolean" },
  ],
};

/** Current state and one history row, in the caller's transaction. */
export async function writeSnapshot(tx: Tx, clusterId: string, snapshot: ClusterSnapshot, at: Date): Promise<void> {
  await replaceRows(tx, NODES, clusterId, snapshot.nodes);
  await replaceRows(tx, GUESTS, clusterId, snapshot.guests);
  await replaceRows(tx, STORAGES, clusterId, snapshot.storages);
  if (snapshot.disks !== null) {
    // Disks of nodes that did not answer stay as they were; disks of nodes gone from the
    // cluster go.
    const nodes = JSON.stringify({ read: snapshot.diskNodes, all: snapshot.nodes.map((node) => node.name) });
    await replaceRows(tx, DISKS, clusterId, snapshot.disks, {
      sql: `"node" IN (SELECT jsonb_array_elements_text($3::jsonb->'read')) OR "node" NOT IN (SELECT jsonb_array_elements_text($3::jsonb->'all'))`,
      param: nodes,
    });
    if (snapshot.disks.length > 0) {
      await tx.diskWearSample.createMany({
        data: snapshot.disks.map((d) => ({ clusterId, node: d.node, devpath: d.devpath, at, wearout: d.wearout, health: d.health })),
      });
    }
  }
  if (snapshot.ha !== null) await replaceRows(tx, HA, clusterId, snapshot.ha);
  if (snapshot.tasks !== null) await replaceRows(tx, TASKS, clusterId, snapshot.tasks);
  await tx.clusterHistory.create({ data: { clusterId, at, ...snapshot.summary } });
}
