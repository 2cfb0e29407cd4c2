// Lenient field parsers. pveproxy does not coerce results to its declared schema: Perl emits
// booleans as 0/1 (sometimes "0"/"1"), numbers occasionally as strings, undef as null or not at
// all. Proxmox's own Rust client parses every bool/int "perl-style" for the same reason; these
// helpers do likewise so a real cluster parses as well as the simulator does.
import { z } from "zod";

/** A field parser in two shapes: `req` (must be present) and `opt` (absent or null → omitted). */
export interface LenientField<T> {
  req: z.ZodType<T, unknown>;
  opt: z.ZodOptional<z.ZodType<T | undefined, unknown>>;
}

const nullToUndefined = z.null().transform((): undefined => undefined);

/**
 * A field's value as pveproxy usually sends it, read without zod: the parsed value, or REFUSED
 * when the value needs the full parser (a rarer coercion, or an error to report).
 */
const REFUSED: unique symbol = Symbol("refused");
type WireRead = (value: unknown) => unknown;
// Each field's parsers → its plain reader, for fastArray below.
const wireReads = new WeakMap<z.ZodType, WireRead>();

// Each parser is a union whose first member is the well-formed wire type, so the common case
// costs one type check: per-field transforms made a 2,000-guest /cluster/resources 5× slower.
function field<T>(req: z.ZodType<T, unknown>, wire: WireRead): LenientField<T> {
  const opt = z.union([req, nullToUndefined]).optional();
  wireReads.set(req, wire);
  wireReads.set(opt, (value) => (value === undefined ? undefined : wire(value)));
  return { req, opt };
}

const TRUE_WORDS = new Set(["1", "true", "yes", "on"]);
const FALSE_WORDS = new Set(["0", "false", "no", "off"]);

export function toBool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === 1) return true;
  if (value === 0) return false;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return undefined;
}

const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && NUMERIC.test(value)) return Number(value);
  return undefined;
}

const boolWord = z.string().transform((value, ctx): boolean => {
  const out = toBool(value);
  if (out === undefined) {
    ctx.issues.push({ code: "custom", message: "expected a boolean (0/1)", input: value });
    return z.NEVER;
  }
  return out;
});
const numericString = z.string().regex(NUMERIC, "expected a number").transform(Number);
const integerString = z
  .string()
  .regex(NUMERIC, "expected an integer")
  .transform(Number)
  .refine(Number.isInteger, "expected an integer");

export const bool = field(
  z.union([z.boolean(), z.literal(1).transform(() => true), z.literal(0).transform(() => false), boolWord]),
  // Perl's 0 and 1 are how PVE sends most booleans: read here too.
  (value) => (typeof value === "boolean" ? value : value === 1 ? true : value === 0 ? false : REFUSED),
);
export const num = field(z.union([z.number(), numericString]), (value) =>
  typeof value === "number" && Number.isFinite(value) ? value : REFUSED,
);
// Perl may print a large integer in exponent form; anything fractional is not an integer.
export const int = field(z.union([z.number().int(), integerString]), (value) =>
  Number.isSafeInteger(value) ? value : REFUSED,
);
// A name or tag that looks numeric can leave Perl as a JSON number.
const plainString: WireRead = (value) => (typeof value === "string" ? value : REFUSED);
export const str = field(z.union([z.string(), z.number().transform(String)]), plainString);

/**
 * A string enum that tolerates values newer PVE releases may add: known values keep their
 * literal types for autocomplete; unknown ones pass through as plain strings.
 */
export function looseEnum<const V extends readonly string[]>(_values: V): LenientField<V[number] | (string & {})> {
  return field(
    z.string().transform((value): V[number] | (string & {}) => value),
    plainString,
  );
}

/** A string enum PVE never extends (task states): anything else is a bad response. */
export function strictEnum<const V extends readonly [string, ...string[]]>(values: V): LenientField<V[number]> {
  const known = new Set<unknown>(values);
  return field(z.enum(values), (value) => (known.has(value) ? value : REFUSED));
}

/** Arrays of lenient items; a JSON null counts as absent. */
export function optArray<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v) => v ?? undefined)
    .optional();
}

/** A nested object that may be absent or null. */
export function optObject<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .transform((v) => v ?? undefined)
    .optional();
}

/** `{ [key]: value }` maps (privileges, mapped resources) with lenient values. */
export function record<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value);
}

/**
 * `z.array(item)` for an object of lenient fields, with a fast path for the hot list calls
 * (/cluster/resources is thousands of entries every sync): each entry's fields are read with
 * their plain readers (the wire types, and Perl's 0/1 booleans) into a new object, which is what
 * zod would output for it, at a fraction of the CPU and garbage. If any entry needs a rarer
 * coercion (a number as a string, a null) or is invalid, the whole array goes through zod as
 * before, with the same coercions and the same issues. An item with a field that is not a
 * lenient one gets no fast path.
 */
export function fastArray<S extends z.ZodObject>(item: S): z.ZodType<Array<z.output<S>>, unknown> {
  const full = z.array(item);
  const fields: Array<[string, WireRead]> = [];
  for (const [key, type] of Object.entries(item.shape)) {
    const read = wireReads.get(type as z.ZodType);
    if (!read) return full;
    fields.push([key, read]);
  }
  const copy = (entry: unknown): Record<string, unknown> | null => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return null;
    const source = entry as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, read] of fields) {
      const value = read(source[key]);
      if (value === REFUSED) return null;
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
  return z.unknown().transform((data, ctx) => {
    if (Array.isArray(data)) {
      const out: Array<Record<string, unknown>> = [];
      for (const entry of data) {
        const copied = copy(entry);
        if (copied === null) break;
        out.push(copied);
      }
      if (out.length === data.length) return out as Array<z.output<S>>;
    }
    const parsed = full.safeParse(data);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, input: undefined });
    return z.NEVER;
  });
}
