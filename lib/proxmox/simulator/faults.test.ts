// Fault injection, in-process and through the control endpoint, plus certificate pinning:
// on a fingerprint mismatch the server completes a handshake but never sees a request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "./index";
import type { RunningSimulator, SimulatedCluster } from "./index";
import { call, pinnedCall } from "@/test/simulator-https";
import { fixture, ROOT } from "@/test/simulator-federation";

let sim: RunningSimulator;
let c: SimulatedCluster;
const root = `PVEAPIToken=${ROOT.tokenId}=${ROOT.secret}`;

async function control(path: string, body?: unknown): Promise<Record<string, unknown>> {
  const r = await fetch(
    `${c.controlUrl}${path}`,
    body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
  );
  return (await r.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  sim = await startSimulator(fixture(5), { timeScale: 0.001, authFailureDelayMs: 5 });
  c = sim.cluster("src");
});
afterAll(async () => sim.close());

describe("pinning", () => {
  it("a client that pins the right fingerprint gets through", async () => {
    expect(await pinnedCall(c, "/version", c.fingerprint)).toBe(200);
  });
  it("on a mismatch the simulator never sees a request, let alone an Authorization header", async () => {
    c.clearRequests();
    const before = c.connections;
    await expect(pinnedCall(c, "/version", "00:".repeat(31) + "00")).rejects.toThrow("fingerprint mismatch");
    await new Promise((r) => setTimeout(r, 50));
    expect(c.connections).toBeGreaterThan(before);
    expect(c.requests).toEqual([]);
    const recorded = (await (await fetch(`${c.controlUrl}/requests`)).json()) as unknown[];
    expect(recorded).toEqual([]);
  });
  it("the recorded requests show whether an Authorization header came", async () => {
    c.clearRequests();
    await call(c, "GET", "/version", { auth: null });
    await call(c, "GET", "/version", { auth: root });
    expect(c.requests.map((r) => [r.path, r.hadAuthorization, r.status])).toEqual([
      ["/api2/json/version", false, 401],
      ["/api2/json/version", true, 200],
    ]);
  });
});

describe("faults", () => {
  it("down refuses connections, and up serves again on the same port", async () => {
    await c.setDown(true);
    await expect(call(c, "GET", "/version", { auth: root })).rejects.toThrow(/ECONNREFUSED/);
    await control("/down", { down: false });
    expect((await call(c, "GET", "/version", { auth: root })).status).toBe(200);
  });
  it("hang accepts but never answers", async () => {
    c.setHang(true);
    await expect(call(c, "GET", "/version", { auth: root, timeoutMs: 300 })).rejects.toThrow("client timeout");
    c.setHang(false);
    expect((await call(c, "GET", "/version", { auth: root })).status).toBe(200);
  });
  it("latency delays every answer", async () => {
    await control("/latency", { ms: 150 });
    const t = Date.now();
    await call(c, "GET", "/version", { auth: root });
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    c.setLatency(0);
  });
  it("a 5xx rate answers that share of requests with the status", async () => {
    c.setErrorRate(0.5, 503);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(c, "GET", "/version", { auth: root })).status);
    expect(statuses.sort()).toEqual([200, 200, 503, 503]);
    c.setErrorRate(0);
  });
  it("a node can be taken offline and back through the control endpoint", async () => {
    await control("/nodes/pve2/offline", {});
    expect((await call(c, "GET", "/nodes/pve2/status", { auth: root })).status).toBe(595);
    const status = await call(c, "GET", "/cluster/status", { auth: root });
    expect((status.json?.data as Array<Record<string, unknown>>).find((x) => x.name === "pve2")?.online).toBe(0);
    await control("/nodes/pve2/online", {});
    expect((await call(c, "GET", "/nodes/pve2/status", { auth: root })).status).toBe(200);
  });
  it("a failing disk reports SMART FAILED", async () => {
    const answer = await control("/disks/fail", { node: "pve1", devpath: "/dev/sda" });
    expect(answer.devpath).toBe("/dev/sda");
    const r = await call(c, "GET", "/nodes/pve1/disks/list", { auth: root });
    const disks = r.json?.data as Array<Record<string, unknown>>;
    expect(disks.find((d) => d.devpath === "/dev/sda")?.health).toBe("FAILED");
    expect(disks.find((d) => d.devpath === "/dev/sdb")?.wearout).toBe("N/A");
  });
  it("a rotated certificate has a new fingerprint; the old pin no longer passes", async () => {
    const old = c.fingerprint;
    const fresh = String((await control("/rotate-cert", {})).fingerprint);
    expect(fresh).not.toBe(old);
    expect(c.fingerprint).toBe(fresh);
    await expect(pinnedCall(c, "/version", old)).rejects.toThrow("fingerprint mismatch");
    expect(await pinnedCall(c, "/version", fresh)).toBe(200);
    const info = await call(c, "GET", "/nodes/pve1/certificates/info", { auth: root });
    expect(
      (info.json?.data as Array<Record<string, unknown>>).find((x) => x.filename === "pve-ssl.pem")?.fingerprint,
    ).toBe(fresh);
  });
  it("reset clears every fault", async () => {
    c.setLatency(10);
    c.setErrorRate(1);
    c.setNodeOnline("pve3", false);
    const rotated = await c.rotateCertificate();
    await control("/reset", {});
    const f = c.faults();
    expect(f).toMatchObject({
      latencyMs: 0,
      errorRate: 0,
      down: false,
      hang: false,
      offlineNodes: [],
      failedDisks: [],
      certRotations: 0,
    });
    expect(c.fingerprint).not.toBe(rotated);
    expect((await call(c, "GET", "/version", { auth: root })).status).toBe(200);
  });
});
