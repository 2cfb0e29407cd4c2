// The SQL pieces of a sync's write: per table, a DELETE of the rows that vanished and an
// INSERT … ON CONFLICT over unnest() of one array parameter per column, as data-modifying CTEs
// (write.ts puts them in one statement), and the parameters they read from a snapshot.
import { arrayLiteral, columnLiteral, type ArrayElement } from "./pg-array";
import type { ClusterSnapshot } from "./rows";
import type { Column, TableSpec } from "./write-tables";

/** What the sync status columns get besides the snapshot's facts. */
export interface SyncStatus {
  at: Date;
  durationMs: number;
  disksRead: boolean;
}

/** What a write is made from. */
export interface WriteInput {
  clusterId: string;
  snapshot: ClusterSnapshot;
  sync: SyncStatus;
}

export const q = (ident: string): string => `"${ident}"`;

/** A table's rows as parameters: column name → its array parameter ("$3"). */
export type Rows = ReadonlyMap<string, string>;

const nested = (c: Column): boolean => c.type === "text[]";

/** The rows of `columns` (a subset of the table's, say its key), as a recordset named x. */
export function recordset(rows: Rows, columns: readonly Column[]): string {
  const arrays = columns.map((c) => `${rows.get(c.name)}::${nested(c) ? "text" : c.type}[]`);
  return `unnest(${arrays.join(", ")}) AS x(${columns.map((c) => q(c.name)).join(", ")})`;
}

const valueOf = (c: Column): string => `x.${q(c.name)}${nested(c) ? "::text[]" : c.cast ? `::${c.cast}` : ""}`;

export function upsertCte(name: string, rows: Rows, spec: TableSpec): string {
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
export function deleteMissingCte(name: string, rows: Rows, spec: TableSpec, scope?: string): string {
  const keyColumns = spec.key.map((k) => spec.columns.find((c) => c.name === k) ?? { name: k, type: "text" });
  return (
    `${name} AS (DELETE FROM ${q(spec.table)} t WHERE t."clusterId" = (SELECT id FROM c) ` +
    `AND (${spec.key.map((k) => `t.${q(k)}`).join(", ")}) NOT IN (SELECT ${spec.key.map((k) => `x.${q(k)}`).join(", ")} FROM ${recordset(rows, keyColumns)})` +
    `${scope ? ` AND (${scope})` : ""})`
  );
}

/** A statement's parameters, as functions of the write's input, in placeholder order. */
export class Params {
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
