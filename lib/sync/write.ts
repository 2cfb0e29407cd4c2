// Writes a successful sync as ONE SQL statement: the cluster's current state (nodes, guests and
// their usage, storages, disks, HA, tasks), a history row and its sync status. Each table is a
// DELETE of what vanished plus an INSERT … ON CONFLICT over unnest() of one array parameter per
// column, all as data-modifying CTEs of that one statement, so it is atomic without an
// interactive transaction and costs one round trip. (As ~16 statements in a Prisma transaction,
// the per-statement overhead was about a third of a federation sync's CPU.) Row ids stay stable
// across syncs.
//
// Arrays per column rather than one JSON document per table: half the bytes (no key repeated
// per row) and cheaper for PostgreSQL to read than jsonb_to_recordset. The statement is a named
// prepared statement (one per shape, see compile), so the server parses and plans it once per
// connection: that was about a fifth of a write's time (4.2 against 3.3 ms for 300 guests).
import { arrayLiteral, columnLiteral, type ArrayElement } from "./pg-array";
import type { ClusterSnapshot } from "./rows";
import { syncWritePool } from "./write-pool";

interface Column {
  name: string;
  /** The column's SQL type ("text[]" columns travel as one literal per row, see pg-array.ts). */
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

/** A table's rows as parameters: column name → its array parameter ("$3"). */
type Rows = ReadonlyMap<string, string>;

const nested = (c: Column): boolean => c.type === "text[]";

/** The rows of `columns` (a subset of the table's, say its key), as a recordset named x. */
function recordset(rows: Rows, columns: readonly Column[]): string {
  const arrays = columns.map((c) => `${rows.get(c.name)}::${nested(c) ? "text" : c.type}[]`);
  return `unnest(${arrays.join(", ")}) AS x(${columns.map((c) => q(c.name)).join(", ")})`;
}

const valueOf = (c: Column): string => `x.${q(c.name)}${nested(c) ? "::text[]" : c.cast ? `::${c.cast}` : ""}`;

function upsertCte(name: string, rows: Rows, spec: TableSpec): string {
  const cols = spec.columns.map((c) => q(c.name));
  const values = spec.columns.map(valueOf);
  const updates = spec.columns
    .filter((c) => !spec.key.includes(c.name))
    .map((c) => `${q(c.name)} = EXCLUDED.${q(c.name)}`);
  if (spec.updatedAt) {
    cols.push(q("updatedAt"));
    values.push("now()");
    updates.push(`${q("updatedAt")} = now()`);
  }
  // Rows that did not change are left alone: no new row version, no WAL, no index work. (A
  // stopped guest, a storage, a finished task, a guest whose usage alone moved: most of what a
  // sync reads is as it was.) They are filtered out before the insert, because ON CONFLICT would
  // still lock each one, which writes a WAL record per row; the DO UPDATE guard only covers a row
  // changed since the statement began.
  const changed = spec.columns.filter((c) => !spec.key.includes(c.name));
  const distinct = `(${changed.map((c) => `t.${q(c.name)}`).join(", ")}) IS DISTINCT FROM (${changed.map((c) => `EXCLUDED.${q(c.name)}`).join(", ")})`;
  const same =
    `SELECT 1 FROM ${q(spec.table)} s WHERE s."clusterId" = c.id AND ${spec.key.map((k) => `s.${q(k)} = x.${q(k)}`).join(" AND ")} ` +
    `AND (${changed.map((c) => `s.${q(c.name)}`).join(", ")}) IS NOT DISTINCT FROM (${changed.map(valueOf).join(", ")})`;
  return (
    `${name} AS (INSERT INTO ${q(spec.table)} AS t ("id", "clusterId", ${cols.join(", ")}) ` +
    `SELECT gen_random_uuid(), c.id, ${values.join(", ")} FROM c, ${recordset(rows, spec.columns)} WHERE NOT EXISTS (${same}) ` +
    `ON CONFLICT ("clusterId", ${spec.key.map(q).join(", ")}) DO UPDATE SET ${updates.join(", ")} WHERE ${distinct})`
  );
}

/** Deletes the cluster's rows whose key is not among `rows` (within `scope`, if given). */
function deleteMissingCte(name: string, rows: Rows, spec: TableSpec, scope?: string): string {
  const keyColumns = spec.key.map((k) => spec.columns.find((c) => c.name === k) ?? { name: k, type: "text" });
  return (
    `${name} AS (DELETE FROM ${q(spec.table)} t WHERE t."clusterId" = (SELECT id FROM c) ` +
    `AND (${spec.key.map((k) => `t.${q(k)}`).join(", ")}) NOT IN (SELECT ${spec.key.map((k) => `x.${q(k)}`).join(", ")} FROM ${recordset(rows, keyColumns)})` +
    `${scope ? ` AND (${scope})` : ""})`
  );
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

/** Columns only a node's own status gives: kept as stored in a sync that did not read it. */
const NODE_DETAILS = new Set(["loadavg1", "pveVersion", "kernel", "cpuModel"]);
const NODES_WITHOUT_DETAILS: TableSpec = { ...NODES, columns: NODES.columns.filter((c) => !NODE_DETAILS.has(c.name)) };

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
    ...["maxcpu", "maxmem", "maxdisk"].map((name) => ({ name, type: float })),
    { name: "hastate", type: text },
    { name: "lock", type: text },
    { name: "pool", type: text },
  ],
};

/**
 * A running guest's usage changes every sync; its row does not. Usage goes to the cluster's one
 * GuestMetrics row, as arrays aligned with the guests' vmids, so an unchanged guest row is left
 * alone (see upsertCte) and only a guest that changed is written.
 */
const GUEST_METRICS: Column[] = [
  ...["cpu", "mem", "disk", "netin", "netout"].map((name) => ({ name, type: float })),
  { name: "uptime", type: "int" },
];

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

/** What the sync status columns get besides the snapshot's facts. */
export interface SyncStatus {
  at: Date;
  durationMs: number;
  disksRead: boolean;
}

const HISTORY_COLUMNS: Column[] = [
  { name: "health", type: "text", cast: '"ClusterHealth"' },
  ...["nodesOnline", "nodesTotal", "guestsRunning", "guestsTotal"].map((name) => ({ name, type: "int" })),
  ...["cpuUsed", "cpuTotal", "memUsed", "memTotal", "storageUsed", "storageTotal"].map((name) => ({
    name,
    type: float,
  })),
];

/** What a write is made from. */
interface WriteInput {
  clusterId: string;
  snapshot: ClusterSnapshot;
  sync: SyncStatus;
}

/** Which reads a sync made: all that varies in the statement's text. */
interface Shape {
  nodeDetails: boolean;
  disks: boolean;
  ha: boolean;
  tasks: boolean;
  pveVersion: boolean;
}

function shapeOf(snapshot: ClusterSnapshot): Shape {
  return {
    nodeDetails: snapshot.nodeDetailsRead,
    disks: snapshot.disks !== null,
    ha: snapshot.ha !== null,
    tasks: snapshot.tasks !== null,
    pveVersion: snapshot.facts.pveVersion !== undefined,
  };
}

/** A statement's parameters, as functions of the write's input, in placeholder order. */
class Params {
  readonly producers: Array<(input: WriteInput) => unknown> = [];
  add(produce: (input: WriteInput) => unknown): string {
    this.producers.push(produce);
    return `$${this.producers.length}`;
  }
  json(produce: (input: WriteInput) => unknown): string {
    return this.add((input) => JSON.stringify(produce(input)));
  }
  /** The rows `get` picks, as one array parameter per column. */
  rows(get: (input: WriteInput) => readonly object[], columns: readonly Column[]): Rows {
    return new Map(columns.map((c) => [c.name, this.add((input) => columnLiteral(get(input), c.name))]));
  }
  array(get: (input: WriteInput) => readonly ArrayElement[]): string {
    return this.add((input) => arrayLiteral(get(input)));
  }
}

interface Compiled {
  name: string;
  text: string;
  producers: ReadonlyArray<(input: WriteInput) => unknown>;
}

/**
 * The one statement that stores a snapshot of the given shape, built once per shape (a handful):
 * its text, the prepared statement's name, and how to compute each parameter from a snapshot.
 */
function compile(shape: Shape, name: string): Compiled {
  // Identifiers and SQL come from the constant specs here, never from input; values are parameters.
  const p = new Params();
  const id = p.add((i) => i.clusterId);
  const nodeSpec = shape.nodeDetails ? NODES : NODES_WITHOUT_DETAILS;
  const nodes = p.rows((i) => i.snapshot.nodes, nodeSpec.columns);
  const guests = p.rows((i) => i.snapshot.guests, GUESTS.columns);
  const usage = p.rows((i) => i.snapshot.guests, GUEST_METRICS);
  const storages = p.rows((i) => i.snapshot.storages, STORAGES.columns);
  const ctes = [
    // Locks the cluster row: a removal or a disable waits for this write, and a cluster
    // removed, disabled or with a changed certificate while we read gets nothing (c is empty).
    `c AS (SELECT id FROM "Cluster" WHERE id = ${id}::uuid AND enabled AND "pendingFingerprint" IS NULL FOR UPDATE)`,
    deleteMissingCte("nodes_gone", nodes, nodeSpec),
    upsertCte("nodes_set", nodes, nodeSpec),
    deleteMissingCte("guests_gone", guests, GUESTS),
    upsertCte("guests_set", guests, GUESTS),
    deleteMissingCte("storages_gone", storages, STORAGES),
    upsertCte("storages_set", storages, STORAGES),
  ];
  const at = p.add((i) => i.sync.at.toISOString());
  const measures = ["vmid", ...GUEST_METRICS.map((m) => m.name)];
  const arrays = [`${guests.get("vmid")}::int[]`, ...GUEST_METRICS.map((m) => `${usage.get(m.name)}::${m.type}[]`)];
  ctes.push(
    `usage AS (INSERT INTO "GuestMetrics" ("clusterId", "at", ${measures.map(q).join(", ")}) SELECT c.id, ${at}::timestamptz, ${arrays.join(", ")} FROM c ` +
      `ON CONFLICT ("clusterId") DO UPDATE SET "at" = EXCLUDED."at", ${measures.map((m) => `${q(m)} = EXCLUDED.${q(m)}`).join(", ")})`,
  );
  if (shape.disks) {
    const disks = p.rows((i) => i.snapshot.disks ?? [], DISKS.columns);
    const read = p.array((i) => i.snapshot.diskNodes);
    const all = p.array((i) => i.snapshot.nodes.map((node) => node.name));
    // Disks of nodes that did not answer stay as they were; disks of nodes gone from the
    // cluster go.
    ctes.push(
      deleteMissingCte(
        "disks_gone",
        disks,
        DISKS,
        `t."node" = ANY(${read}::text[]) OR t."node" <> ALL(${all}::text[])`,
      ),
      upsertCte("disks_set", disks, DISKS),
      `wear AS (INSERT INTO "DiskWearSample" ("clusterId", "node", "devpath", "at", "wearout", "health") ` +
        `SELECT c.id, x."node", x."devpath", ${at}::timestamptz, x."wearout", x."health" FROM c, ${recordset(disks, DISKS.columns)})`,
    );
  }
  if (shape.ha) {
    const ha = p.rows((i) => i.snapshot.ha ?? [], HA.columns);
    ctes.push(deleteMissingCte("ha_gone", ha, HA), upsertCte("ha_set", ha, HA));
  }
  if (shape.tasks) {
    const tasks = p.rows((i) => i.snapshot.tasks ?? [], TASKS.columns);
    ctes.push(deleteMissingCte("tasks_gone", tasks, TASKS), upsertCte("tasks_set", tasks, TASKS));
  }
  const summary = p.json((i) => i.snapshot.summary);
  ctes.push(
    `history AS (INSERT INTO "ClusterHistory" ("clusterId", "at", ${HISTORY_COLUMNS.map((col) => q(col.name)).join(", ")}) ` +
      `SELECT c.id, ${at}::timestamptz, ${HISTORY_COLUMNS.map((col) => `x.${q(col.name)}${col.cast ? `::${col.cast}` : ""}`).join(", ")} ` +
      `FROM c, jsonb_to_record(${summary}::jsonb) AS x(${HISTORY_COLUMNS.map((col) => `${q(col.name)} ${col.type}`).join(", ")}))`,
  );
  const status = p.json(({ snapshot, sync }) => ({
    ...snapshot.facts,
    health: snapshot.summary.health,
    durationMs: sync.durationMs,
    disksRead: sync.disksRead,
  }));
  const facts = [
    `"pveClusterName" = s."pveClusterName"`,
    `"quorate" = s."quorate"`,
    // Only a sync that read node details knows the version; otherwise the stored one stays.
    ...(shape.pveVersion ? [`"pveVersion" = s."pveVersion"`] : []),
    `"haQuorate" = s."haQuorate"`,
    `"haMasterNode" = s."haMasterNode"`,
    `"haFencingState" = s."haFencingState"`,
  ];
  const sets = [
    `"health" = s."health"::"ClusterHealth"`,
    `"lastSyncAt" = ${at}::timestamptz`,
    `"lastAttemptAt" = ${at}::timestamptz`,
    `"lastSyncDurationMs" = s."durationMs"`,
    `"lastErrorAt" = NULL`,
    `"lastErrorKind" = NULL`,
    `"lastErrorMessage" = NULL`,
    `"consecutiveFailures" = 0`,
    `"lastDisksSyncAt" = CASE WHEN s."disksRead" THEN ${at}::timestamptz ELSE "Cluster"."lastDisksSyncAt" END`,
    `"updatedAt" = now()`,
  ];
  const text =
    `WITH ${ctes.join(",\n")} ` +
    `UPDATE "Cluster" SET ${[...facts, ...sets].join(", ")} ` +
    `FROM c, jsonb_to_record(${status}::jsonb) AS s("pveClusterName" text, "quorate" boolean, "pveVersion" text, "haQuorate" boolean, "haMasterNode" text, "haFencingState" text, "health" text, "durationMs" int, "disksRead" boolean) ` +
    `WHERE "Cluster".id = c.id`;
  return { name, text, producers: p.producers };
}

// Each shape's statement, compiled on first use; its name is its prepared statement's.
const compiled = new Map<string, Compiled>();

function statementFor(snapshot: ClusterSnapshot): Compiled {
  const shape = shapeOf(snapshot);
  const key = Object.values(shape).map(Number).join("");
  let statement = compiled.get(key);
  if (!statement) {
    statement = compile(shape, `sovereign_sync_write_${key}`);
    compiled.set(key, statement);
  }
  return statement;
}

/**
 * Stores a successful sync: current state, a history row and the sync status, atomically. Does
 * nothing (returns false) if the cluster was removed, disabled or its certificate changed
 * while it was being read.
 */
export async function writeSyncSuccess(
  clusterId: string,
  snapshot: ClusterSnapshot,
  sync: SyncStatus,
): Promise<boolean> {
  const { name, text, producers } = statementFor(snapshot);
  const input: WriteInput = { clusterId, snapshot, sync };
  const result = await syncWritePool().query({ name, text, values: producers.map((produce) => produce(input)) });
  return (result.rowCount ?? 0) > 0;
}
