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

// Each parser is a union whose first member is the well-formed wire type, so the common case
// costs one type check: per-field transforms made a 2,000-guest /cluster/resources 5× slower.
function field<T>(req: z.ZodType<T, unknown>): LenientField<T> {
  return { req, opt: z.union([req, nullToUndefined]).optional() };
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
);
export const num = field(z.union([z.number(), numericString]));
// Perl may print a large integer in exponent form; anything fractional is not an integer.
export const int = field(z.union([z.number().int(), integerString]));
// A name or tag that looks numeric can leave Perl as a JSON number.
export const str = field(z.union([z.string(), z.number().transform(String)]));

/**
 * A string enum that tolerates values newer PVE releases may add: known values keep their
 * literal types for autocomplete; unknown ones pass through as plain strings.
 */
export function looseEnum<const V extends readonly string[]>(_values: V): LenientField<V[number] | (string & {})> {
  return field(z.string().transform((value): V[number] | (string & {}) => value));
}

/** A string enum PVE never extends (task states): anything else is a bad response. */
export function strictEnum<const V extends readonly [string, ...string[]]>(values: V): LenientField<V[number]> {
  return field(z.enum(values));
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
