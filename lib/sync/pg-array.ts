// PostgreSQL array literals ("{1,2,NULL}", "{\"a b\",\"c\"}") built by hand for the sync's write:
// a sync sends each table as one array per column, and building these strings is several times
// cheaper than node-postgres's generic array conversion (which quotes and regex-escapes every
// element, numbers included). Strings are always quoted, so "NULL" stays a string.

export type ArrayElement = string | number | boolean | Date | null | undefined | readonly string[];

const NEEDS_ESCAPE = /["\\]/;

function quote(text: string): string {
  return `"${NEEDS_ESCAPE.test(text) ? text.replace(/["\\]/g, "\\$&") : text}"`;
}

function element(value: ArrayElement): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NULL";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return quote(value.toISOString());
  // A nested text[] travels as its own literal, one string element, cast back on the server
  // (`x."tags"::text[]`): PostgreSQL arrays cannot be ragged, so text[][] would not do.
  if (typeof value !== "string") return quote(arrayLiteral(value));
  return quote(value);
}

/** The literal of a one-dimensional array, for a `$n::type[]` parameter. */
export function arrayLiteral(values: readonly ArrayElement[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    out += element(values[i]);
  }
  return `${out}}`;
}

/**
 * The literal of one column of `rows` (the values under `key`): the sync's hot path, one call per
 * column per table per sync, so the common element kinds are written inline rather than through
 * element().
 */
export function columnLiteral(rows: readonly object[], key: string): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = (rows[i] as Record<string, ArrayElement>)[key];
    if (typeof value === "number") parts[i] = Number.isFinite(value) ? String(value) : "NULL";
    else if (typeof value === "string") parts[i] = NEEDS_ESCAPE.test(value) ? quote(value) : `"${value}"`;
    else parts[i] = element(value);
  }
  return `{${parts.join(",")}}`;
}
