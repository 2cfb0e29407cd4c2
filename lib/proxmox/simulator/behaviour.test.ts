// Behaviour that clients rely on: auth failures, permission filtering and the 403 text, 501,
// 595 for offline nodes, the task lifecycle and PVE's real failure points, migrations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "./index";
import type { RunningSimulator, SimulatedCluster } from "./index";
import { call, waitTask } from "@/test/simulator-https";
import { fixture, MIGRATION, NARROW, NO_INCOMING, ROOT, SOVEREIGN } from "@/test/simulator-federation";

let sim: RunningSimulator;
let src: SimulatedCluster;
let dst: SimulatedCluster;
const root = `PVEAPIToken=${ROOT.tokenId}=${ROOT.secret}`;
const narrow = `PVEAPIToken=${NARROW.tokenId}=${NARROW.secret}`;

beforeAll(async () => {
  sim = await startSimulator(fixture(11), { timeScale: 0.001, authFailureDelayMs: 5 });
  src = sim.cluster("src");
  dst = sim.cluster("dst");
});
afterAll(async () => sim.close());

describe("authentication", () => {
  it("answers 401 with an empty body without credentials", async () => {
    const r = await call(src, "GET", "/version", { auth: null });
    expect([r.status, r.reason, r.text]).toEqual([401, "No ticket", ""]);
  });
  it("answers 401 'Authentication failed!' for a wrong secret or unknown token", async () => {
    for (const auth of [
      `PVEAPIToken=${ROOT.tokenId}=wrong`,
      "PVEAPIToken=nobody@pve!x=abc",
      "Bearer abc",
      "PVEAPIToken=%zz",
    ]) {
      const r = await call(src, "GET", "/version", { auth });
      expect([r.status, r.reason, r.text]).toEqual([401, "Authentication failed!", ""]);
    }
  });
  it("accepts a space after PVEAPIToken, as pveproxy's parser does", async () => {
    const r = await call(src, "GET", "/version", { auth: `PVEAPIToken ${ROOT.tokenId}=${ROOT.secret}` });
    expect(r.status).toBe(200);
    expect(r.json?.data).toMatchObject({ release: "9.1" });
  });
});

describe("privileges", () => {
  it("filters /cluster/resources by VM.Audit and hides node stats without Sys.Audit", async () => {
    const r = await call(src, "GET", "/cluster/resources", { auth: narrow });
    const rows = r.json?.data as Array<Record<string, unknown>>;
    expect(rows.filter((x) => x.type === "qemu" || x.type === "lxc").map((x) => x.vmid)).toEqual([100]);
    expect(rows.find((x) => x.type === "node")?.cpu).toBeUndefined();
  });
  it("refuses an action with PVE's 403 text", async () => {
    const r = await call(src, "POST", "/nodes/pve1/qemu/100/status/stop", { auth: narrow });
    expect(r.status).toBe(403);
    expect(r.reason).toBe("Permission check failed (/vms/100, VM.PowerMgmt)");
    expect(r.json).toEqual({ data: null, message: "Permission check failed (/vms/100, VM.PowerMgmt)\n" });
  });
  it("privilege separation intersects user and token ACLs in /access/permissions", async () => {
    const r = await call(src, "GET", "/access/permissions", { auth: narrow });
    expect(r.json?.data).toEqual({ "/": {}, "/vms/100": { "VM.Audit": 1 } });
  });
  it("answers 403 on a cluster-level read without Sys.Audit", async () => {
    const r = await call(src, "GET", "/cluster/status", { auth: narrow });
    expect([r.status, r.json?.message]).toEqual([403, "Permission check failed (/, Sys.Audit)\n"]);
  });
});

describe("routing and proxying", () => {
  it("answers 501 for unknown paths", async () => {
    const r = await call(src, "GET", "/nodes/pve1/nonsense", { auth: root });
    expect([r.status, r.json?.message]).toEqual([501, "Method 'GET /nodes/pve1/nonsense' not implemented\n"]);
  });
  it("speaks the extjs format too (HTTP 200 with success/status)", async () => {
    const r = await call(src, "GET", "/nodes/pve1/nonsense", { auth: root, format: "extjs" });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ success: 0, status: 501 });
  });
  it("answers 595 for calls proxied to an offline node, and guests there are 'unknown'", async () => {
    src.setNodeOnline("pve3", false);
    try {
      const r = await call(src, "GET", "/nodes/pve3/qemu", { auth: root });
      expect([r.status, r.text]).toEqual([595, ""]);
      const rrd = await call(src, "GET", "/nodes/pve3/rrddata?timeframe=hour", { auth: root });
      expect(rrd.status).toBe(200);
      const res = await call(src, "GET", "/cluster/resources?type=vm", { auth: root });
      const g = (res.json?.data as Array<Record<string, unknown>>).find((x) => x.vmid === 200);
      expect(g?.status).toBe("unknown");
      const nodes = await call(src, "GET", "/nodes", { auth: root });
      expect((nodes.json?.data as Array<Record<string, unknown>>).find((x) => x.node === "pve3")?.status).toBe(
        "offline",
      );
    } finally {
      src.setNodeOnline("pve3", true);
    }
  });
  it("answers 500 for a guest whose config is on another node", async () => {
    const r = await call(src, "GET", "/nodes/pve2/qemu/100/status/current", { auth: root });
    expect([r.status, r.json?.message]).toEqual([
      500,
      "Configuration file 'nodes/pve2/qemu-server/100.conf' does not exist\n",
    ]);
  });
});

describe("tasks", () => {
  it("runs an action as a task: UPID at once, running, then stopped with OK", async () => {
    const slow = await startSimulator(fixture(3), { timeScale: 0.05, authFailureDelayMs: 5 });
    try {
      const c = slow.cluster("src");
      const r = await call(c, "POST", "/nodes/pve1/qemu/101/status/start", { auth: root });
      const upid = String(r.json?.data);
      expect(upid).toMatch(/^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:qmstart:101:root@pam!test:$/);
      const first = await call(c, "GET", `/nodes/pve1/tasks/${encodeURIComponent(upid)}/status`, { auth: root });
      expect(first.json?.data).toMatchObject({
        status: "running",
        type: "qmstart",
        id: "101",
        user: "root@pam",
        tokenid: "test",
      });
      expect(c.guest(101)?.status).toBe("stopped");
      expect(await waitTask(c, "pve1", upid)).toMatchObject({ status: "stopped", exitstatus: "OK" });
      expect(c.guest(101)?.status).toBe("running");
      const log = await call(c, "GET", `/nodes/pve1/tasks/${encodeURIComponent(upid)}/log`, { auth: root });
      expect((log.json?.data as Array<{ t: string }>).at(-1)?.t).toBe("TASK OK");
    } finally {
      await slow.close();
    }
  });
  it("starting a running VM fails inside the task", async () => {
    const r = await call(src, "POST", "/nodes/pve1/qemu/114/status/start", { auth: root });
    expect(r.status).toBe(200);
    expect(await waitTask(src, "pve1", String(r.json?.data))).toMatchObject({ exitstatus: "VM 114 already running" });
  });
  it("rebooting a stopped VM fails at once with 500", async () => {
    const r = await call(src, "POST", "/nodes/pve1/qemu/101/status/reboot", { auth: root });
    expect([r.status, r.json?.message]).toEqual([500, "VM 101 not running\n"]);
  });
  it("rejects a bad UPID with PVE's parameter error", async () => {
    const r = await call(src, "GET", "/nodes/pve1/tasks/nope/status", { auth: root });
    expect([r.status, r.json?.errors]).toEqual([400, { upid: "unable to parse worker upid" }]);
  });
  it("lists tasks per node and cluster-wide", async () => {
    const node = await call(src, "GET", "/nodes/pve1/tasks?source=all&limit=5", { auth: root });
    expect((node.json?.data as unknown[]).length).toBeGreaterThan(0);
    expect(node.json?.total).toBeGreaterThan(0);
    const cluster = await call(src, "GET", "/cluster/tasks", { auth: root });
    expect((cluster.json?.data as Array<Record<string, unknown>>)[0]).toHaveProperty("upid");
  });
});

describe("migration", () => {
  it("migrates inside the cluster after a precheck, and refuses a running VM without online", async () => {
    const pre = await call(src, "GET", "/nodes/pve1/qemu/115/migrate?target=pve2", { auth: root });
    expect(pre.json?.data).toMatchObject({ running: 1, allowed_nodes: ["pve2", "pve3"] });
    const refused = await call(src, "POST", "/nodes/pve1/qemu/115/migrate", { auth: root, form: { target: "pve2" } });
    expect([refused.status, refused.json?.message]).toEqual([500, "can't migrate running VM without --online\n"]);
    const r = await call(src, "POST", "/nodes/pve1/qemu/115/migrate", {
      auth: root,
      form: { target: "pve2", online: "1" },
    });
    expect(src.guest(115)?.lock).toBe("migrate");
    expect(await waitTask(src, "pve1", String(r.json?.data))).toMatchObject({ type: "qmigrate", exitstatus: "OK" });
    expect(src.guest(115)).toMatchObject({ node: "pve2", status: "running", lock: undefined });
  });
});

describe("remote_migrate between two simulated clusters", () => {
  const migration = `PVEAPIToken=${MIGRATION.tokenId}=${MIGRATION.secret}`;
  const endpoint = (token = migration, fingerprint = dst.fingerprint): string =>
    `host=127.0.0.1,port=${new URL(dst.url).port},apitoken=${token},fingerprint=${fingerprint}`;
  const go = (vmid: number, extra: Record<string, string>) =>
    call(src, "POST", `/nodes/pve1/qemu/${vmid}/remote_migrate`, {
      auth: root,
      form: { "target-storage": "local-lvm:local-lvm", "target-bridge": "vmbr0", ...extra },
    });

  it("requires an explicit storage mapping", async () => {
    const r = await go(110, { "target-endpoint": endpoint(), "target-storage": "1" });
    expect([r.status, r.json?.errors]).toEqual([
      400,
      { "target-storage": "remote migration requires explicit storage mapping!" },
    ]);
  });
  it("requires target-bridge (schema) and a well-formed endpoint", async () => {
    const r = await call(src, "POST", "/nodes/pve1/qemu/110/remote_migrate", {
      auth: root,
      form: { "target-endpoint": "host=1.2.3.4", "target-storage": "a:b" },
    });
    expect(r.status).toBe(400);
    expect(r.json?.errors?.["target-bridge"]).toBe("property is missing and it is not optional");
    expect(r.json?.errors?.["target-endpoint"]).toMatch(/^invalid format - format error/);
  });
  it("refuses HA-managed guests", async () => {
    const r = await go(100, { "target-endpoint": endpoint(), online: "1" });
    expect(r.status).toBe(500);
    expect(r.json?.message).toMatch(/HA/);
  });
  it("fails on a wrong fingerprint without sending the token to the target", async () => {
    dst.clearRequests();
    const r = await go(110, { "target-endpoint": endpoint(migration, "AA:".repeat(31) + "AA") });
    expect(r.status).toBe(500);
    expect(r.json?.message).toMatch(/fingerprint mismatch/);
    expect(dst.requests).toEqual([]);
  });
  it("fails on a wrong token at the target", async () => {
    const r = await go(110, { "target-endpoint": endpoint(`PVEAPIToken=${ROOT.tokenId}=bad`) });
    expect(r.status).toBe(500);
    expect(r.json?.message).toMatch(/401 Authentication failed!/);
  });
  it("moves a guest and deletes the source with delete=1", async () => {
    const r = await go(110, { "target-endpoint": endpoint(), "target-vmid": "9110", delete: "1" });
    expect(r.status, r.text).toBe(200);
    expect(await waitTask(src, "pve1", String(r.json?.data))).toMatchObject({ exitstatus: "OK" });
    expect(dst.guest(9110)).toMatchObject({ node: "dst1", status: "stopped", name: "qemu-110" });
    expect(src.guest(110)).toBeUndefined();
    expect(dst.requests.every((q) => q.hadAuthorization)).toBe(true);
  });
  it("keeps the source stopped and locked without delete, running on the target when online", async () => {
    const r = await go(112, { "target-endpoint": endpoint(), "target-vmid": "9112", online: "1" });
    expect(await waitTask(src, "pve1", String(r.json?.data))).toMatchObject({ exitstatus: "OK" });
    expect(dst.guest(9112)?.status).toBe("running");
    expect(src.guest(112)).toMatchObject({ status: "stopped", lock: "migrate" });
  });
  it("refuses a target-endpoint token holding more than the migration grants (a console or root token)", async () => {
    for (const token of [SOVEREIGN, ROOT]) {
      const r = await go(116, { "target-endpoint": endpoint(`PVEAPIToken=${token.tokenId}=${token.secret}`) });
      expect(r.status).toBe(500);
      expect(r.json?.message).toMatch(/holds more than receiving a migration needs \(.*VM\.PowerMgmt/);
    }
    const weak = await go(116, {
      "target-endpoint": endpoint("PVEAPIToken=weak@pve!ro=99999999-8888-4777-8666-555555555555"),
    });
    expect(weak.json?.message).toMatch(/holds more than/);
    expect(src.guest(116)?.lock).toBeUndefined();
  });
  it("fails in the task when the target token lacks Sys.Incoming", async () => {
    const r = await go(116, {
      "target-endpoint": endpoint(`PVEAPIToken=${NO_INCOMING.tokenId}=${NO_INCOMING.secret}`),
    });
    expect(r.status, r.text).toBe(200);
    const t = await waitTask(src, "pve1", String(r.json?.data));
    expect(t.exitstatus).toMatch(/Permission check failed \(\/, Sys.Incoming\)/);
    expect(src.guest(116)?.lock).toBeUndefined();
  });
});
