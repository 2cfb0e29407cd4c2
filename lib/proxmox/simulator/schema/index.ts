// Typed access to the extracted PVE 9.1 schema subset (see extract.ts).
import subset from "./pve-api-subset.json" with { type: "json" };

export interface PropSchema {
  type?: string | string[];
  optional?: number | boolean;
  enum?: string[];
  format?: string | Record<string, PropSchema>;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: PropSchema;
  properties?: Record<string, PropSchema>;
  additionalProperties?: number | boolean | PropSchema;
  default?: unknown;
  description?: string;
}

/** PVE permission expressions, e.g. ["perm", "/vms/{vmid}", ["VM.Audit"]] or ["or", [...], [...]]. */
export type PermCheck = Array<string | string[] | number | PermCheck>;

export interface MethodSchema {
  name: string;
  method: string;
  proxyto?: string | null;
  allowtoken?: number;
  protected?: number;
  permissions?: { check?: PermCheck; user?: string; description?: string };
  parameters?: { properties?: Record<string, PropSchema>; additionalProperties?: number | boolean };
  returns?: PropSchema;
}

const methods = (subset as unknown as { methods: Record<string, MethodSchema> }).methods;

/** Schema of `"GET /cluster/resources"`-style keys; throws for methods outside the subset. */
export function methodSchema(key: string): MethodSchema {
  const m = methods[key];
  if (!m) throw new Error(`no schema for ${key}`);
  return m;
}

export function schemaKeys(): string[] {
  return Object.keys(methods);
}

/** PVE writes some patterns with Perl's `(?^:…)` groups; JavaScript knows them as `(?:…)`. */
export function jsPattern(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern.replace(/\(\?\^:/g, "(?:")})$`);
}
