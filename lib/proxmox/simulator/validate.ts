// Parameter validation with the rules and messages of PVE::JSONSchema (check_prop/check_type),
// so a client that passes here passes on a real cluster: booleans only 0/1, unknown parameters
// refused, required ones enforced, enums and ranges checked, named formats verified.
import type { MethodSchema, PropSchema } from "./schema";
import { jsPattern } from "./schema";
import { formatError } from "./formats";

export type RawParams = Record<string, unknown>;
export type ParamErrors = Record<string, string>;

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.\d+|\d+\.|\.\d+|\d+)([eE][+-]?\d+)?$/;

function isOptional(p: PropSchema): boolean {
  return p.optional === 1 || p.optional === true;
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return undefined;
}

function checkType(type: string, value: unknown): string | undefined {
  if (type === "array") return Array.isArray(value) ? undefined : `type check ('array') failed`;
  if (type === "object")
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? undefined
      : `type check ('object') failed`;
  if (typeof value === "boolean")
    return type === "boolean" ? undefined : `type check ('${type}') failed - got JSON::PP::Boolean`;
  if (typeof value === "object" && value !== null)
    return `type check ('${type}') failed - got ${Array.isArray(value) ? "ARRAY" : "HASH"}`;
  const text = scalarText(value) ?? "";
  if (type === "boolean" && text !== "1" && text !== "0") return `type check ('boolean') failed - got '${text}'`;
  if (type === "integer" && !INTEGER.test(text)) return `type check ('integer') failed - got '${text}'`;
  if (type === "number" && !NUMBER.test(text)) return `type check ('number') failed - got '${text}'`;
  return undefined;
}

/** One property, in the order PVE checks it; returns the first error message. */
export function checkProp(value: unknown, schema: PropSchema): string | undefined {
  if (value === undefined || value === null)
    return isOptional(schema) ? undefined : "property is missing and it is not optional";
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 1 && types[0] !== "any" && types[0] !== "null") {
    const err = checkType(types[0] ?? "string", value);
    if (err) return err;
  } else if (types.length > 1 && !types.some((t) => checkType(t, value) === undefined)) {
    return `type check ('${types.join("|")}') failed`;
  }
  if (typeof value === "object") return undefined;
  const text = typeof value === "boolean" ? (value ? "1" : "0") : (scalarText(value) ?? "");
  if (typeof schema.format === "string") {
    const err = formatError(schema.format, text);
    if (err) return `invalid format - ${err}`;
  }
  if (schema.pattern && !jsPattern(schema.pattern).test(text)) return "value does not match the regex pattern";
  if (schema.maxLength !== undefined && text.length > schema.maxLength)
    return `value may only be ${schema.maxLength} characters long`;
  if (schema.minLength !== undefined && text.length < schema.minLength)
    return `value must be at least ${schema.minLength} characters long`;
  if (NUMBER.test(text)) {
    const n = Number(text);
    if (schema.maximum !== undefined && n > schema.maximum)
      return `value must have a maximum value of ${schema.maximum}`;
    if (schema.minimum !== undefined && n < schema.minimum)
      return `value must have a minimum value of ${schema.minimum}`;
  }
  if (schema.enum && !schema.enum.includes(text))
    return `value '${text}' does not have a value in the enumeration '${schema.enum.join(", ")}'`;
  return undefined;
}

/** Validates request parameters (path parameters included) against a method's schema. */
export function validateParams(method: MethodSchema, params: RawParams): ParamErrors {
  const props = method.parameters?.properties ?? {};
  const errors: ParamErrors = {};
  for (const [name, schema] of Object.entries(props)) {
    const err = checkProp(params[name], schema);
    if (err) errors[name] = err;
  }
  const additional = method.parameters?.additionalProperties;
  if (additional === 0 || additional === false || additional === undefined) {
    for (const name of Object.keys(params)) {
      if (!(name in props))
        errors[name] = "property is not defined in schema and the schema does not allow additional properties";
    }
  }
  return errors;
}

/** Typed views of validated parameters (PVE hands handlers strings; these parse them once). */
export interface Params {
  raw: RawParams;
  str(name: string): string | undefined;
  int(name: string): number | undefined;
  bool(name: string): boolean | undefined;
}

export function typedParams(raw: RawParams): Params {
  return {
    raw,
    str: (n) => {
      const v = raw[n];
      return v === undefined || v === null ? undefined : typeof v === "boolean" ? (v ? "1" : "0") : String(v);
    },
    int: (n) => {
      const v = raw[n];
      return v === undefined || v === null ? undefined : Number(v);
    },
    bool: (n) => {
      const v = raw[n];
      return v === undefined || v === null ? undefined : v === true || v === 1 || v === "1";
    },
  };
}
