// Checks each response schema of the client against the official PVE 9.1 API schema's
// `returns`: every documented field is parsed, required ones stay required (unless a listed,
// explained leniency), documented types and enum values are accepted in PVE's wire forms, and
// every field we add beyond the schema is a listed, known implementation extra.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as g from "./guest-schemas";
import * as s from "./schemas";

interface Prop {
  type?: string | string[];
  optional?: unknown;
  enum?: unknown[];
  items?: Prop;
  properties?: Record<string, Prop>;
}

// The schema file is data: parse the parts we read instead of trusting a cast.
const propSchema: z.ZodType<Prop> = z.lazy(() =>
  z.object({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    // The schema itself writes this flag as 1, "1" or true.
    optional: z.unknown().optional(),
    enum: z.array(z.unknown()).optional(),
    items: propSchema.optional(),
    properties: z.record(z.string(), propSchema).optional(),
  }),
);
const infoSchema = z.record(z.string(), z.object({ returns: propSchema.optional() }));
interface TreeNode {
  path: string;
  info?: z.output<typeof infoSchema>;
  children?: TreeNode[];
}
const treeSchema: z.ZodType<TreeNode[]> = z.array(
  z.object({ path: z.string(), info: infoSchema.optional(), children: z.lazy(() => treeSchema).optional() }),
);
const subsetSchema = z.object({ methods: infoSchema });

function loadReturns(): Map<string, Prop> | undefined {
  const full = path.resolve(import.meta.dirname, "../../../shared/proxmox/pve-api-schema.json");
  const subset = path.resolve(import.meta.dirname, "simulator/schema/pve-api-subset.json");
  const out = new Map<string, Prop>();
  if (fs.existsSync(full)) {
    const walk = (nodes: TreeNode[]): void => {
      for (const n of nodes) {
        for (const [method, info] of Object.entries(n.info ?? {}))
          if (info.returns) out.set(`${method} ${n.path}`, info.returns);
        walk(n.children ?? []);
      }
    };
    walk(treeSchema.parse(JSON.parse(fs.readFileSync(full, "utf8"))));
    return out;
  }
  if (fs.existsSync(subset)) {
    const { methods } = subsetSchema.parse(JSON.parse(fs.readFileSync(subset, "utf8")));
    for (const [key, m] of Object.entries(methods)) if (m.returns) out.set(key, m.returns);
    return out;
  }
  return undefined;
}

interface Case {
  key: string;
  schema: z.ZodObject;
  /** Fields the implementation returns beyond the 9.1 schema (PVE-API-NOTES.md). */
  extras?: string[];
  /** Schema-required fields we accept as absent, each for a reason given in the schema file. */
  lenientRequired?: string[];
}

const cases: Case[] = [
  { key: "GET /version", schema: s.versionSchema },
  { key: "GET /cluster/status", schema: s.clusterStatusEntrySchema },
  { key: "GET /cluster/resources", schema: s.clusterResourceSchema },
  { key: "GET /nodes", schema: s.nodeIndexEntrySchema, extras: ["id", "type", "disk", "maxdisk"] },
  {
    key: "GET /nodes/{node}/status",
    schema: s.nodeStatusSchema,
    extras: ["uptime", "idle", "wait", "kversion", "swap", "ksm"],
    lenientRequired: ["current-kernel", "boot-info"],
  },
  { key: "GET /nodes/{node}/qemu", schema: g.qemuListEntrySchema },
  { key: "GET /nodes/{node}/lxc", schema: g.lxcListEntrySchema },
  { key: "GET /nodes/{node}/qemu/{vmid}/status/current", schema: g.qemuStatusSchema },
  { key: "GET /nodes/{node}/lxc/{vmid}/status/current", schema: g.lxcStatusSchema },
  {
    key: "GET /nodes/{node}/qemu/{vmid}/migrate",
    schema: g.qemuMigratePrecheckSchema,
    lenientRequired: ["mapped-resource-info", "has-dbus-vmstate"],
  },
  { key: "GET /nodes/{node}/lxc/{vmid}/migrate", schema: g.lxcMigratePrecheckSchema },
  { key: "GET /nodes/{node}/tasks/{upid}/status", schema: g.taskStatusSchema, extras: ["tokenid"] },
  { key: "GET /nodes/{node}/tasks/{upid}/log", schema: g.taskLogLineSchema },
  { key: "GET /nodes/{node}/tasks", schema: g.nodeTaskSchema },
  {
    key: "GET /cluster/tasks",
    schema: g.clusterTaskSchema,
    extras: ["node", "pid", "starttime", "type", "id", "user", "tokenid", "saved", "endtime", "status"],
  },
  {
    key: "GET /nodes/{node}/disks/list",
    schema: s.diskSchema,
    extras: ["wearout", "type", "rpm", "by_id_link"],
    lenientRequired: ["osdid-list"],
  },
  { key: "GET /cluster/ha/status/current", schema: s.haStatusEntrySchema, extras: ["group", "comment"] },
  { key: "GET /nodes/{node}/certificates/info", schema: s.certificateInfoSchema },
];

const upidReturning = ["start", "stop", "shutdown", "reboot"]
  .flatMap((a) => [`POST /nodes/{node}/qemu/{vmid}/status/${a}`, `POST /nodes/{node}/lxc/{vmid}/status/${a}`])
  .concat([
    "POST /nodes/{node}/qemu/{vmid}/migrate",
    "POST /nodes/{node}/lxc/{vmid}/migrate",
    "POST /nodes/{node}/qemu/{vmid}/remote_migrate",
    "POST /nodes/{node}/lxc/{vmid}/remote_migrate",
  ]);

/** Wire forms PVE may send for a documented type; all must parse. */
function samplesFor(prop: Prop): unknown[] {
  const type = Array.isArray(prop.type) ? prop.type[0] : prop.type;
  if (prop.enum) return prop.enum;
  switch (type) {
    case "boolean":
      return [0, 1, "0", "1", true, false];
    case "integer":
      return [7, "7"];
    case "number":
      return [0.25, "0.25", 3];
    case "string":
      return ["text"];
    case "array":
      return [[]];
    default:
      return [];
  }
}

const returns = loadReturns();

describe.skipIf(returns === undefined)("response schemas match the official PVE 9.1 schema", () => {
  it.each(cases)("$key", ({ key, schema, extras = [], lenientRequired = [] }) => {
    const official = returns?.get(key);
    expect(official, `no returns for ${key}`).toBeDefined();
    const item = official?.type === "array" ? official.items : official;
    const props = item?.properties ?? {};
    const shape: Record<string, z.ZodType> = schema.shape;
    for (const [name, prop] of Object.entries(props)) {
      const ours = shape[name];
      expect(ours, `${key}: field ${name} is not parsed`).toBeDefined();
      if (!ours) continue;
      const required = !(prop.optional === 1 || prop.optional === "1" || prop.optional === true);
      if (required && !lenientRequired.includes(name)) {
        expect(ours.safeParse(undefined).success, `${key}: ${name} should be required`).toBe(false);
      } else {
        expect(ours.safeParse(undefined).success, `${key}: ${name} should be optional`).toBe(true);
      }
      for (const sample of samplesFor(prop)) {
        expect(ours.safeParse(sample).success, `${key}: ${name} rejects ${JSON.stringify(sample)}`).toBe(true);
      }
    }
    for (const name of Object.keys(shape)) {
      if (name in props) continue;
      expect(extras, `${key}: ${name} is neither in the schema nor a known extra`).toContain(name);
    }
    for (const name of [...extras, ...lenientRequired]) {
      expect(name in props === lenientRequired.includes(name), `${key}: ${name} listed wrongly`).toBe(true);
    }
  });

  it.each(upidReturning)("%s returns a string (the UPID)", (key) => {
    expect(returns?.get(key)?.type).toBe("string");
  });

  it("permissions and rrddata are the shapes we parse", () => {
    expect(returns?.get("GET /access/permissions")?.type).toBe("object");
    expect(returns?.get("GET /nodes/{node}/rrddata")?.type).toBe("array");
    expect(returns?.get("GET /nodes/{node}/qemu/{vmid}/rrddata")?.type).toBe("array");
  });
});
