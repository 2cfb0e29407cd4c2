// The client against the Proxmox simulator over real HTTPS (pinned private-CA certificates,
// real tokens): every call Sovereign uses, each error type through the simulator's fault
// injection, task waiting with progress, and a remote migration between two clusters.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ProxmoxClient,
  ProxmoxError,
  ProxmoxFingerprintMismatchError,
  ProxmoxForbiddenError,
  ProxmoxNodeUnreachableError,
  ProxmoxNotFoundError,
  ProxmoxParameterError,
  ProxmoxServerError,
  ProxmoxUnauthenticatedError,
  fetchFingerprint,
  getCertificatesInfo,
  getClusterResources,
  getClusterStatus,
  getGuestRrdData,
  getHaStatus,
  getLxcStatus,
  getNodeRrdData,
  getNodeStatus,
  getPermissions,
  getQemuMigratePrecheck,
  getQemuStatus,
  getTaskLog,
  getVersion,
  listDisks,
  listLxc,
  listNodes,
  listQemu,
  migrateGuest,
  missingPrivileges,
  rebootGuest,
  remoteMigrateGuest,
  shutdownGuest,
  startGuest,
  stopGuest,
  waitForTask,
  type ProxmoxClientOptions,
  type RequestLogEntry,
  type TaskProgress,
} from "./index";
import { SOVEREIGN_ROLE_PRIVILEGES, startSimulator, type ClusterSpec, type RunningSimulator, type SimulatedCluster } from "./simulator";

const SOVEREIGN = "sovereign@pve!console";
const AUDITOR = "audit@pve!ro";
const secrets = {
  alpha: "0b6c1f0e-6a55-4a43-9d1e-3c2f9b8a7d61",
  alphaAudit: "7e1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b",
  beta: "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
};

function clusterSpec(name: string, nodes: string[], secret: string, guests: ClusterSpec["guests"]): ClusterSpec {
  return {
    name,
    nodes: nodes.map((n, i) => ({ name: n, cores: 16, memoryGiB: 64, rootDiskGiB: 100, ip: `10.9.${i}.1` })),
    guests,
    roles: { Sovereign: [...SOVEREIGN_ROLE_PRIVILEGES] },
    tokens: [
      { tokenId: SOVEREIGN, secret, privsep: true, acl: [{ path: "/", role: "Sovereign" }] },
      { tokenId: AUDITOR, secret: secrets.alphaAudit, privsep: true, acl: [{ path: "/", role: "PVEAuditor" }] },
    ],
  };
}

const vm = (vmid: number, node: string, status: "running" | "stopped", type: "qemu" | "lxc" = "qemu") => ({
  vmid,
  type,
  node,
  status,
  name: `${type}-${vmid}`,
  cores: 2,
  memoryMiB: 2048,
  diskGiB: 16,
  tags: ["depin"],
});

let sim: RunningSimulator;
let alpha: SimulatedCluster;
let beta: SimulatedCluster;
let c: ProxmoxClient;
const log: RequestLogEntry[] = [];
const clients: ProxmoxClient[] = [];

function connect(cluster: SimulatedCluster, opts: Partial<ProxmoxClientOptions> = {}): ProxmoxClient {
  const client = new ProxmoxClient({
    url: cluster.url,
    token: { id: SOVEREIGN, secret: cluster === beta ? secrets.beta : secrets.alpha },
    fingerprint: cluster.fingerprint,
    retryBaseDelayMs: 20,
    onRequest: (e) => log.push(e),
    ...opts,
  });
  clients.push(client);
  return client;
}

async function failure(p: Promise<unknown>): Promise<ProxmoxError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof ProxmoxError)) throw new Error(`expected a ProxmoxError, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  const alphaSpec = clusterSpec("alpha", ["pve1", "pve2", "pve3"], secrets.alpha, [
    vm(100, "pve1", "running"),
    vm(101, "pve1", "stopped"),
    vm(102, "pve2", "stopped"),
    vm(103, "pve2", "running"),
    vm(110, "pve1", "running"),
    vm(120, "pve3", "running"),
    vm(200, "pve2", "running", "lxc"),
  ]);
  alphaSpec.ha = [{ sid: "vm:110", state: "started" }];
  const betaSpec = clusterSpec("beta", ["b1", "b2"], secrets.beta, []);
  sim = await startSimulator({ seed: 7, clusters: [alphaSpec, betaSpec] }, { ephemeralPorts: true, timeScale: 0.01, authFailureDelayMs: 20 });
  alpha = sim.cluster("alpha");
  beta = sim.cluster("beta");
  c = connect(alpha);
});

afterEach(async () => {
  await alpha.reset();
});

afterAll(async () => {
  for (const client of clients) client.close();
  await sim.close();
  // Whatever happened above, no log entry carried a secret.
  const text = JSON.stringify(log);
  for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
});

describe("reading a cluster", () => {
  it("version, cluster status, nodes", async () => {
    expect((await getVersion(c)).release).toMatch(/^9\.1/);
    const status = await getClusterStatus(c);
    expect(status.find((s) => s.type === "cluster")).toMatchObject({ name: "alpha", quorate: true, nodes: 3 });
    expect(status.filter((s) => s.type === "node" && s.online)).toHaveLength(3);
    const nodes = await listNodes(c);
    expect(nodes.map((n) => n.node).sort()).toEqual(["pve1", "pve2", "pve3"]);
    expect(nodes.every((n) => n.status === "online")).toBe(true);
  });

  it("cluster resources: all and each filter", async () => {
    const all = await getClusterResources(c);
    expect(all.filter((r) => r.type === "qemu" || r.type === "lxc")).toHaveLength(7);
    expect(all.find((r) => r.id === "qemu/100")).toMatchObject({ vmid: 100, node: "pve1", status: "running", template: false, tags: "depin" });
    expect((await getClusterResources(c, "vm")).every((r) => r.type === "qemu" || r.type === "lxc")).toBe(true);
    expect((await getClusterResources(c, "node")).map((r) => r.type)).toEqual(["node", "node", "node"]);
    const storage = await getClusterResources(c, "storage");
    expect(storage.length).toBeGreaterThan(0);
    expect(storage.every((r) => r.type === "storage" && typeof r.shared === "boolean")).toBe(true);
  });

  it("node status, guest lists and guest status", async () => {
    const st = await getNodeStatus(c, "pve1");
    expect(st.cpuinfo.cores).toBeGreaterThan(0);
    expect(st.loadavg).toHaveLength(3);
    expect((await listQemu(c, "pve1")).map((g) => g.vmid).sort()).toEqual([100, 101, 110]);
    expect((await listLxc(c, "pve2")).map((g) => g.vmid)).toEqual([200]);
    expect(await getQemuStatus(c, "pve1", 110)).toMatchObject({ vmid: 110, status: "running", ha: { managed: true } });
    expect(await getLxcStatus(c, "pve2", 200)).toMatchObject({ vmid: 200, status: "running", ha: { managed: false } });
  });

  it("disks with SMART health and wear, and a failing disk", async () => {
    const disks = await listDisks(c, "pve1");
    expect(disks.length).toBeGreaterThan(0);
    for (const d of disks) expect(typeof d.wearout === "number" || d.wearout === "N/A").toBe(true);
    const failed = alpha.failDisk("pve1");
    const after = await listDisks(c, "pve1");
    expect(after.find((d) => d.devpath === failed)?.health).toMatch(/FAIL/);
  });

  it("rrddata, HA status, permissions, certificates", async () => {
    const rows = await getNodeRrdData(c, "pve1", "hour");
    expect(rows.length).toBeGreaterThan(0);
    expect(typeof rows[0]?.time).toBe("number");
    expect((await getGuestRrdData(c, "pve1", "qemu", 100, "hour")).length).toBeGreaterThan(0);
    const ha = await getHaStatus(c);
    expect(ha.find((e) => e.type === "service")).toMatchObject({ sid: "vm:110" });
    const perms = await getPermissions(c);
    expect(missingPrivileges(perms, SOVEREIGN_ROLE_PRIVILEGES.map((privilege) => ({ path: "/", privilege })))).toEqual([]);
    const certs = await getCertificatesInfo(c, "pve1");
    expect(certs.some((cert) => cert.fingerprint === alpha.fingerprint)).toBe(true);
  });
});

describe("tasks", () => {
  it("stop and start a VM, waiting with progress", async () => {
    const progress: TaskProgress[] = [];
    const stop = await waitForTask(c, await stopGuest(c, { node: "pve1", kind: "qemu", vmid: 100 }), { pollMs: 20, onProgress: (p) => progress.push(p) });
    expect(stop).toMatchObject({ ok: true, exitstatus: "OK" });
    expect(progress.at(-1)?.status.status).toBe("stopped");
    expect(progress.flatMap((p) => p.newLines).length).toBeGreaterThan(0);
    expect(alpha.guest(100)?.status).toBe("stopped");
    const start = await waitForTask(c, await startGuest(c, { node: "pve1", kind: "qemu", vmid: 100 }), { pollMs: 20 });
    expect(start.ok).toBe(true);
    expect(alpha.guest(100)?.status).toBe("running");
  });

  it("starting a running VM fails inside the task; rebooting a stopped one fails at once", async () => {
    // Not 110: starting an HA-managed VM only requests the HA state, and that succeeds.
    const upid = await startGuest(c, { node: "pve3", kind: "qemu", vmid: 120 });
    const result = await waitForTask(c, upid, { pollMs: 20 });
    expect(result.ok).toBe(false);
    expect(result.exitstatus).toMatch(/already running/);
    expect((await getTaskLog(c, upid)).length).toBeGreaterThan(0);
    const err = await failure(rebootGuest(c, { node: "pve1", kind: "qemu", vmid: 101 }));
    expect(err).toBeInstanceOf(ProxmoxServerError);
    expect(err.message).toMatch(/not running/);
  });

  it("shuts down a container", async () => {
    const result = await waitForTask(c, await shutdownGuest(c, { node: "pve2", kind: "lxc", vmid: 200 }), { pollMs: 20 });
    expect(result.ok).toBe(true);
    expect(alpha.guest(200)?.status).toBe("stopped");
  });

  it("migrates within the cluster after the precheck", async () => {
    const pre = await getQemuMigratePrecheck(c, "pve2", 103, "pve1");
    expect(pre.running).toBe(true);
    expect(pre.allowed_nodes).toContain("pve1");
    const result = await waitForTask(c, await migrateGuest(c, { node: "pve2", kind: "qemu", vmid: 103 }, { target: "pve1", online: true }), { pollMs: 20 });
    expect(result.ok).toBe(true);
    expect(alpha.guest(103)?.node).toBe("pve1");
  });

  it("migrates a VM to another cluster end to end", async () => {
    const betaToken = beta.tokens.find((t) => t.tokenId === SOVEREIGN);
    if (!betaToken) throw new Error("beta has no sovereign token");
    const target = { url: beta.url, token: { id: betaToken.tokenId, secret: betaToken.secret }, fingerprint: (await fetchFingerprint(beta.url)).fingerprint };
    const upid = await remoteMigrateGuest(c, { node: "pve2", kind: "qemu", vmid: 102 }, {
      target,
      targetStorage: { "local-lvm": "local-lvm" },
      targetBridge: "vmbr0:vmbr0",
      targetVmid: 502,
      delete: true,
    });
    const result = await waitForTask(c, upid, { pollMs: 20, timeoutMs: 20_000 });
    expect(result).toMatchObject({ ok: true });
    expect(alpha.guest(102)).toBeUndefined();
    expect(beta.guest(502)).toMatchObject({ vmid: 502, type: "qemu" });
    const onBeta = await getClusterResources(connect(beta), "vm");
    expect(onBeta.map((r) => r.vmid)).toContain(502);
  });
});

describe("typed errors", () => {
  it("unauthenticated: a wrong secret", async () => {
    const bad = connect(alpha, { token: { id: SOVEREIGN, secret: "00000000-0000-4000-8000-000000000000" } });
    expect(await failure(getVersion(bad))).toBeInstanceOf(ProxmoxUnauthenticatedError);
  });

  it("forbidden: names the missing privilege", async () => {
    const auditor = connect(alpha, { token: { id: AUDITOR, secret: secrets.alphaAudit } });
    const err = await failure(startGuest(auditor, { node: "pve1", kind: "qemu", vmid: 101 }));
    expect(err).toBeInstanceOf(ProxmoxForbiddenError);
    expect(err).toMatchObject({ privilege: "VM.PowerMgmt", aclPath: "/vms/101", status: 403 });
    expect(missingPrivileges(await getPermissions(auditor), [{ path: "/vms/101", privilege: "VM.PowerMgmt" }])).toHaveLength(1);
  });

  it("not found: a missing VM and an unknown path", async () => {
    expect(await failure(getQemuStatus(c, "pve1", 99_999))).toBeInstanceOf(ProxmoxNotFoundError);
    expect(await failure(c.get("/no/such/path", z.unknown()))).toBeInstanceOf(ProxmoxNotFoundError);
  });

  it("parameter errors carry the per-field messages", async () => {
    const err = await failure(c.get("/cluster/resources", z.unknown(), { type: "bogus" }));
    expect(err).toBeInstanceOf(ProxmoxParameterError);
    expect(err instanceof ProxmoxParameterError && err.errors.type).toBeTruthy();
    const post = await failure(c.post("/nodes/pve1/qemu/101/status/start", z.string(), { bogus: 1 }));
    expect(post instanceof ProxmoxParameterError && post.errors.bogus).toBeTruthy();
  });

  it("an offline node: 595 for proxied calls, unknown guests in resources", async () => {
    alpha.setNodeOnline("pve3", false);
    const err = await failure(getNodeStatus(c, "pve3"));
    expect(err).toBeInstanceOf(ProxmoxNodeUnreachableError);
    expect(err).toMatchObject({ node: "pve3" });
    expect(await failure(listQemu(c, "pve3"))).toBeInstanceOf(ProxmoxNodeUnreachableError);
    const resources = await getClusterResources(c);
    expect(resources.find((r) => r.id === "qemu/120")?.status).toBe("unknown");
    expect(resources.find((r) => r.id === "node/pve3")?.status).toBe("offline");
  });
});

describe("fault injection", () => {
  it("down: connection refused, after bounded retries", async () => {
    await alpha.setDown(true);
    const started = Date.now();
    expect(await failure(getVersion(connect(alpha)))).toMatchObject({ code: "unreachable", reason: "refused" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("hang: the request times out", async () => {
    alpha.setHang(true);
    const started = Date.now();
    expect(await failure(getVersion(connect(alpha, { timeoutMs: 400 })))).toMatchObject({ code: "unreachable", reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("latency: slower than the timeout fails, within it succeeds", async () => {
    alpha.setLatency(300);
    expect(await failure(getVersion(connect(alpha, { timeoutMs: 150 })))).toMatchObject({ reason: "timeout" });
    const started = Date.now();
    await getVersion(connect(alpha, { timeoutMs: 3_000 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("5xx: GETs are retried three times in all, POSTs once", async () => {
    alpha.setErrorRate(1, 503);
    alpha.clearRequests();
    expect(await failure(getVersion(c))).toMatchObject({ code: "server_error", status: 503 });
    expect(alpha.requests.filter((r) => r.path.startsWith("/api2/json/version"))).toHaveLength(3);
    alpha.clearRequests();
    await failure(stopGuest(c, { node: "pve1", kind: "qemu", vmid: 101 }));
    expect(alpha.requests).toHaveLength(1);
  });
});

describe("pinning against the simulator", () => {
  it("fetchFingerprint reads the pinned fingerprint without credentials", async () => {
    alpha.clearRequests();
    expect((await fetchFingerprint(alpha.url)).fingerprint).toBe(alpha.fingerprint);
    expect(alpha.requests).toHaveLength(0);
  });

  it("a rotated certificate fails before the token is sent; the new pin works", async () => {
    const oldPin = alpha.fingerprint;
    const newPin = await alpha.rotateCertificate();
    expect(newPin).not.toBe(oldPin);
    alpha.clearRequests();
    const err = await failure(getVersion(connect(alpha, { fingerprint: oldPin })));
    expect(err).toBeInstanceOf(ProxmoxFingerprintMismatchError);
    expect(err).toMatchObject({ expected: oldPin, actual: newPin });
    expect(alpha.requests.filter((r) => r.hadAuthorization)).toHaveLength(0);
    expect(alpha.requests).toHaveLength(0);
    await expect(getVersion(connect(alpha, { fingerprint: newPin }))).resolves.toMatchObject({ release: expect.stringMatching(/^9\.1/) });
  });
});
