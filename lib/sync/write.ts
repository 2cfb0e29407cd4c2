// Writes a successful sync as one SQL statement: the cluster's current state (nodes, guests and
// their usage, storages, disks, HA, tasks), a history row and its sync status, each table as
// data-modifying CTEs (write-sql.ts), so it is atomic without an interactive transaction and costs
// one round trip. Row ids stay stable across syncs. Hand-written rather than Prisma calls, as a
// named prepared statement over one array per column, for speed measured in docs/performance.md;
// write-tables.ts ties its column lists to the Prisma schema.
import type { ClusterSnapshot } from "./rows";
import { deleteMissingCte, Params, q, recordset, upsertCte, type SyncStatus, type WriteInput } from "./write-sql";
import {
  DISKS,
  GUEST_METRICS,
  GUESTS,
  HA,
  HISTORY,
  NODES,
  NODES_WITHOUT_DETAILS,
  STORAGES,
  TASKS,
} from "./write-tables";
import { syncWritePool } from "./write-pool";

export type { SyncStatus } from "./write-sql";

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

interface Compiled {
  name: string;
  text: string;
  producers: ReadonlyArray<(input: WriteInput) => unknown>;
}

/**
 * c: the cluster's row, locked, if it may still be written: a removal or a disable waits for this
 * write, and a cluster removed, disabled or with a changed certificate while it was read gets
 * nothing (c is empty). A CTE of the write rather than a statement of its own: one round trip.
 */
function lockWritableClusterCte(id: string): string {
  return `c AS (SELECT id FROM "Cluster" WHERE id = ${id}::uuid AND enabled AND "pendingFingerprint" IS NULL FOR UPDATE)`;
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
  const usage = p.rows((i) => i.snapshot.guests, GUEST_METRICS.columns);
  const storages = p.rows((i) => i.snapshot.storages, STORAGES.columns);
  const ctes = [
    lockWritableClusterCte(id),
    deleteMissingCte("nodes_gone", nodes, nodeSpec),
    upsertCte("nodes_set", nodes, nodeSpec),
    deleteMissingCte("guests_gone", guests, GUESTS),
    upsertCte("guests_set", guests, GUESTS),
    deleteMissingCte("storages_gone", storages, STORAGES),
    upsertCte("storages_set", storages, STORAGES),
  ];
  const at = p.add((i) => i.sync.at.toISOString());
  const measures = ["vmid", ...GUEST_METRICS.columns.map((m) => m.name)];
  const arrays = [
    `${guests.get("vmid")}::int[]`,
    ...GUEST_METRICS.columns.map((m) => `${usage.get(m.name)}::${m.type}[]`),
  ];
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
    `history AS (INSERT INTO "ClusterHistory" ("clusterId", "at", ${HISTORY.columns.map((col) => q(col.name)).join(", ")}) ` +
      `SELECT c.id, ${at}::timestamptz, ${HISTORY.columns.map((col) => `x.${q(col.name)}${col.cast ? `::${col.cast}` : ""}`).join(", ")} ` +
      `FROM c, jsonb_to_record(${summary}::jsonb) AS x(${HISTORY.columns.map((col) => `${q(col.name)} ${col.type}`).join(", ")}))`,
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
