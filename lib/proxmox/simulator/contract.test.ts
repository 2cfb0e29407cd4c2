// Generated contract tests: every implemented method answers with data that fits the official
// PVE 9.1 `returns` schema, and rejects bad parameters with PVE's exact messages.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "./index";
import type { RunningSimulator, SimulatedCluster } from "./index";
import { methodSchema } from "./schema";
import { IMPLEMENTED_METHODS } from "./schema/methods";
import { indexSchema } from "./schema/extract";
import { call, schemaErrors } from "@/test/simulator-https";
import { fixture, MIGRATION, ROOT } from "@/test/simulator-federation";

let sim: RunningSimulator;
let src: SimulatedCluster;
let upid = "";
const root = `PVEAPIToken=${ROOT.tokenId}=${ROOT.secret}`;

function sample(key: string): { path: string; params?: Record<string, string> } {
  const dst = sim.cluster("dst");
  const endpoint = `host=127.0.0.1,port=${new URL(dst.url).port},apitoken=PVEAPIToken=${MIGRATION.tokenId}=${MIGRATION.secret},fingerprint=${dst.fingerprint}`;
  const [, template = ""] = key.split(" ");
  const act: Record<string, number> = {
    "qemu/start": 101,
    "qemu/stop": 112,
    "qemu/shutdown": 105,
    "qemu/reboot": 104,
    "lxc/start": 103,
    "lxc/stop": 113,
    "lxc/shutdown": 108,
    "lxc/reboot": 107,
  };
  const m = /\{vmid\}\/status\/(start|stop|shutdown|reboot)$/.exec(template);
  const kind = template.includes("/lxc") ? "lxc" : "qemu";
  let vmid = kind === "qemu" ? 100 : 102;
  let params: Record<string, string> | undefined;
  if (m) vmid = act[`${kind}/${m[1]}`] ?? vmid;
  if (key.startsWith("POST") && template.endsWith("/migrate")) {
    vmid = kind === "qemu" ? 106 : 109;
    params = { target: "pve2" };
  }
  if (template.endsWith("/remote_migrate")) {
    vmid = kind === "qemu" ? 110 : 111;
    params = {
      "target-endpoint": endpoint,
      "target-storage": "local-lvm:local-lvm",
      "target-bridge": "vmbr0",
      "target-vmid": String(vmid + 9000),
    };
  }
  if (template.endsWith("rrddata")) params = { timeframe: "hour" };
  const p = template
    .replace("{node}", "pve1")
    .replace("{vmid}", String(vmid))
    .replace("{upid}", encodeURIComponent(upid));
  return { path: p, params };
}

beforeAll(async () => {
  sim = await startSimulator(fixture(), { timeScale: 0.001, authFailureDelayMs: 5 });
  src = sim.cluster("src");
  const r = await call(src, "POST", "/nodes/pve1/qemu/116/status/start", { auth: root });
  upid = String(r.json?.data);
});
afterAll(async () => sim.close());

describe("responses match the schema's `returns`", () => {
  for (const key of IMPLEMENTED_METHODS) {
    it(key, async () => {
      const [method = "GET"] = key.split(" ");
      const s = sample(key);
      const query = method === "GET" && s.params ? `?${new URLSearchParams(s.params).toString()}` : "";
      const r = await call(src, method, s.path + query, {
        auth: root,
        form: method !== "GET" ? (s.params ?? {}) : undefined,
      });
      expect(r.status, r.text).toBe(200);
      expect(r.json && "data" in r.json).toBe(true);
      expect(schemaErrors(r.json?.data, methodSchema(key).returns)).toEqual([]);
    });
  }
});

describe("parameters are validated as the schema says", () => {
  for (const key of IMPLEMENTED_METHODS) {
    it(key, async () => {
      const [method = "GET"] = key.split(" ");
      const props = methodSchema(key).parameters?.properties ?? {};
      const pathNames = new Set([...key.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
      const bad: Record<string, string> = { sovereign_bogus: "1" };
      const expected: Record<string, string> = {
        sovereign_bogus: "property is not defined in schema and the schema does not allow additional properties",
      };
      for (const [name, p] of Object.entries(props)) {
        if (pathNames.has(name)) continue;
        const optional = p.optional === 1 || p.optional === true;
        if (p.type === "boolean") {
          bad[name] = "true";
          expected[name] = "type check ('boolean') failed - got 'true'";
        } else if (p.type === "integer") {
          bad[name] = "12abc";
          expected[name] = "type check ('integer') failed - got '12abc'";
        } else if (p.enum) {
          bad[name] = "bogus-value";
          expected[name] = `value 'bogus-value' does not have a value in the enumeration '${p.enum.join(", ")}'`;
        } else if (!optional) {
          expected[name] = "property is missing and it is not optional";
        }
      }
      const path = sample(key).path;
      const inQuery = method === "GET" || method === "DELETE";
      const r = inQuery
        ? await call(src, method, `${path}?${new URLSearchParams(bad).toString()}`, { auth: root })
        : await call(src, method, path, { auth: root, form: bad });
      expect(r.status, r.text).toBe(400);
      expect(r.json?.message).toBe("Parameter verification failed.\n");
      expect(r.json?.data).toBeNull();
      expect(r.json?.errors).toEqual(expected);
    });
  }
});

describe("coverage", () => {
  it("prints which schema methods the simulator implements", () => {
    const official = path.resolve(process.cwd(), "../shared/proxmox/pve-api-schema.json");
    let total = "649 (PVE 9.1)";
    if (existsSync(official)) {
      const index = indexSchema(JSON.parse(readFileSync(official, "utf8")) as Parameters<typeof indexSchema>[0]);
      total = String(index.size);
      // The shipped subset must be a verbatim copy of the official definitions.
      for (const key of IMPLEMENTED_METHODS) expect(methodSchema(key)).toEqual(index.get(key));
    }
    console.log(
      `simulator implements ${IMPLEMENTED_METHODS.length} of ${total} PVE API methods:\n  ${IMPLEMENTED_METHODS.join("\n  ")}`,
    );
    expect(IMPLEMENTED_METHODS.length).toBeGreaterThanOrEqual(36);
  });
});
