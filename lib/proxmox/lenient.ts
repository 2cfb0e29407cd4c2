// Lenient field parsers. pveproxy does not coerce results to its declared schema: Perl emits
// booleans as 0/1 (sometimes "0"/"1"), numbers occasionally as strings, undef as null or not at
// all. Proxmox's own Rust client parses every bool/int "perl-style" for the same reason; these
// helpers do likewise so a real cluster parses as well as the simulator does.
import { z } from "zod";

type Convert<T> = (value: unknown) => T | undefined;

/** A field parser in two shapes: `req` (must be present) and `opt` (absent or null → omitted). */
export interface LenientField<T> {
  req: z.ZodType<T, unknown>;
  opt: z.ZodOptional<z.ZodType<T | undefined, unknown>>;
}

function field<T>(expected: string, convert: Convert<T>): LenientField<T> {
  const req = z.unknown().transform((value, ctx): T => {
    const out = value === null ? undefined : convert(value);
    if (out === undefined) {
      ctx.issues.push({ code: "custom", message: `expected ${expected}`, input: value });
      return z.NEVER;
    }
    return out;
  });
  const opt = z
    .unknown()
    .transform((value, ctx): T | undefined => {
      if (value === null || value === undefined) return undefined;
      const out = convert(value);
      if (out === undefined) {
        ctx.issues.push({ code: "custom", message: `expected ${expected}`, input: value });
        return z.NEVER;
      }
      return out;
    })
    .optional();
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

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && NUMERIC.test(value.trim())) return Number(value.trim());
  return undefined;
}

function toInteger(value: unknown): number | undefined {
  const n = toNumber(value);
  // Perl may print a large integer in exponent form; anything fractional is not an integer.
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

function toText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  // A name or tag that looks numeric can leave Perl as a JSON number.
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

export const bool = field("a boolean (true/false, 0/1)", toBool);
export const num = field("a number", toNumber);
export const int = field("an integer", toInteger);
export const str = field("a string", toText);

/**
 * A string enum that tolerates values newer PVE releases may add: known values keep their
 * literal types for autocomplete; unknown ones pass through as plain strings.
 */
export function looseEnum<const V extends readonly string[]>(values: V): LenientField<V[number] | (string & {})> {
  return field(`one of ${values.join(", ")}`, (value): V[number] | (string & {}) | undefined => toText(value));
}

/** A string enum PVE never extends (task states): anything else is a bad response. */
export function strictEnum<const V extends readonly [string, ...string[]]>(values: V): LenientField<V[number]> {
  return field(`one of ${values.join(", ")}`, (value) => values.find((v) => v === value));
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
