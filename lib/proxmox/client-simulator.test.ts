// The client against the Proxmox simulator over real HTTPS (pinned private-CA certificates,
// real tokens): every read Sovereign uses, guest actions with task waiting, and migrations
// within a cluster and between two clusters.
import { describe, expect, it } from "vitest";
import {
  ProxmoxError,
  ProxmoxParameterError,
  ProxmoxServerError,
  fetchFingerprint,
  getCertificatesInfo,
  getClusterResources,
  getClusterStatus,
  getGuestRrdData,
  getHaStatus,
  getLxcStatus,
  getNextVmid,
  getNodeRrdData,
  getNodeStatus,
  getPermissions,
  getQemuMigratePrecheck,
  getQemuStatus,
  getTaskLog,
  getVersion,
  listDisks,
  listLxc,
  listNetworks,
  listNodes,
  listQemu,
  migrateGuest,
  missingPrivileges,
  rebootGuest,
  remoteMigrateGuest,
  shutdownGuest,
  startGuest,
  stopGuest,
  stopTask,
  waitForTask,
  type ProxmoxClient,
  type TaskProgress,
} from "./index";
import { SOVEREIGN, failure, fixturePerFile, secrets, type Fixture } from "@/test/proxmox-client";
import { MIGRATION_TOKEN_ID, SOVEREIGN_ROLE_PRIVILEGES, type SimulatedCluster } from "./simulator";

let fx: Fixture;
let alpha: SimulatedCluster;
let beta: SimulatedCluster;
let c: ProxmoxClient;

fixturePerFile((started) => {
  fx = started;
  ({ alpha, beta } = fx);
  c = fx.connect(alpha);
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
    expect(all.find((r) => r.id === "qemu/100")).toMatchObject({
      vmid: 100,
      node: "pve1",
      status: "running",
      template: false,
      tags: "depin",
    });
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
    expect(
      missingPrivileges(
        perms,
        SOVEREIGN_ROLE_PRIVILEGES.map((privilege) => ({ path: "/", privilege })),
      ),
    ).toEqual([]);
    const certs = await getCertificatesInfo(c, "pve1");
    expect(certs.some((cert) => cert.fingerprint === alpha.fingerprint)).toBe(true);
  });

  it("a node's bridges and the next free vmid (what a remote migration's target needs)", async () => {
    const all = await listNetworks(c, "pve2");
    expect(all.map((i) => [i.iface, i.type])).toEqual([
      ["eno1", "eth"],
      ["vmbr0", "bridge"],
    ]);
    expect(all.find((i) => i.iface === "vmbr0")).toMatchObject({
      active: true,
      cidr: "10.9.1.1/24",
      gateway: "10.9.1.1",
      bridge_ports: "eno1",
    });
    expect((await listNetworks(c, "pve2", "any_bridge")).map((i) => i.iface)).toEqual(["vmbr0"]);
    expect(await listNetworks(c, "pve2", "bond")).toEqual([]);
    expect(await getNextVmid(c)).toBe(104);
    expect(await getNextVmid(c, 150)).toBe(150);
    await expect(getNextVmid(c, 100)).rejects.toMatchObject({ code: "invalid_parameters" });
  });
});

describe("tasks", () => {
  it("stop and start a VM, waiting with progress", async () => {
    const progress: TaskProgress[] = [];
    const stop = await waitForTask(c, await stopGuest(c, { node: "pve1", kind: "qemu", vmid: 100 }), {
      pollMs: 20,
      onProgress: (p) => progress.push(p),
    });
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

  it("stops a task on request", async () => {
    const upid = await shutdownGuest(c, { node: "pve1", kind: "qemu", vmid: 100 }, { timeout: 600 });
    await stopTask(c, upid);
    const result = await waitForTask(c, upid, { pollMs: 20 });
    expect(result.status.status).toBe("stopped");
  });

  it("shuts down a container", async () => {
    const result = await waitForTask(c, await shutdownGuest(c, { node: "pve2", kind: "lxc", vmid: 200 }), {
      pollMs: 20,
    });
    expect(result.ok).toBe(true);
    expect(alpha.guest(200)?.status).toBe("stopped");
  });

  it("migrates within the cluster after the precheck", async () => {
    const pre = await getQemuMigratePrecheck(c, "pve2", 103, "pve1");
    expect(pre.running).toBe(true);
    expect(pre.allowed_nodes).toContain("pve1");
    const result = await waitForTask(
      c,
      await migrateGuest(c, { node: "pve2", kind: "qemu", vmid: 103 }, { target: "pve1", online: true }),
      { pollMs: 20 },
    );
    expect(result.ok).toBe(true);
    expect(alpha.guest(103)?.node).toBe("pve1");
  });

  it("migrates a VM to another cluster end to end", async () => {
    const betaToken = beta.tokens.find((t) => t.tokenId === MIGRATION_TOKEN_ID);
    if (!betaToken) throw new Error("beta has no migration token");
    const target = {
      url: beta.url,
      token: { id: betaToken.tokenId, secret: betaToken.secret },
      fingerprint: (await fetchFingerprint(beta.url)).fingerprint,
    };
    const upid = await remoteMigrateGuest(
      c,
      { node: "pve2", kind: "qemu", vmid: 102 },
      {
        target,
        targetStorage: { "local-lvm": "local-lvm" },
        targetBridge: "vmbr0:vmbr0",
        targetVmid: 502,
        delete: true,
      },
    );
    const result = await waitForTask(c, upid, { pollMs: 20, timeoutMs: 20_000 });
    expect(result).toMatchObject({ ok: true });
    expect(alpha.guest(102)).toBeUndefined();
    expect(beta.guest(502)).toMatchObject({ vmid: 502, type: "qemu" });
    const onBeta = await getClusterResources(fx.connect(beta), "vm");
    expect(onBeta.map((r) => r.vmid)).toContain(502);
    // What alpha received names the migration token only, never beta's console token.
    const received = JSON.stringify(alpha.requests.map((r) => r.params));
    expect(received).toContain(betaToken.secret);
    expect(received).not.toContain(secrets.beta);
    expect(received).not.toContain(SOVEREIGN);
  });
});

describe("remote migration failures", () => {
  const betaTarget = (fingerprint: string) => ({
    url: beta.url,
    token: { id: SOVEREIGN, secret: secrets.beta },
    fingerprint,
  });
  const betaMigrationTarget = (fingerprint: string) => ({
    url: beta.url,
    token: { id: MIGRATION_TOKEN_ID, secret: beta.tokens.find((t) => t.tokenId === MIGRATION_TOKEN_ID)?.secret ?? "" },
    fingerprint,
  });

  it("the console token in target-endpoint is refused: it holds more than receiving a migration needs", async () => {
    const err = await failure(
      remoteMigrateGuest(
        c,
        { node: "pve1", kind: "qemu", vmid: 101 },
        { target: betaTarget(beta.fingerprint), targetStorage: { "local-lvm": "local-lvm" }, targetBridge: "1" },
      ),
    );
    expect(err.message).toMatch(/holds more than receiving a migration needs/);
    expect(err.message).not.toContain(secrets.beta);
  });

  it("identity storage mapping is refused as a parameter error", async () => {
    const err = await failure(
      remoteMigrateGuest(
        c,
        { node: "pve1", kind: "qemu", vmid: 101 },
        { target: betaTarget(beta.fingerprint), targetStorage: "1", targetBridge: "1" },
      ),
    );
    expect(err).toBeInstanceOf(ProxmoxParameterError);
    expect(err instanceof ProxmoxParameterError && err.errors["target-storage"]).toMatch(/explicit storage mapping/);
  });

  it("a wrong target fingerprint fails, and the target's secret stays out of the error", async () => {
    const wrong = alpha.fingerprint === beta.fingerprint ? "00".repeat(32) : alpha.fingerprint;
    const outcome = await remoteMigrateGuest(
      c,
      { node: "pve1", kind: "qemu", vmid: 101 },
      {
        target: betaMigrationTarget(wrong),
        targetStorage: { "local-lvm": "local-lvm" },
        targetBridge: "1",
      },
    ).then(
      async (upid) => waitForTask(c, upid, { pollMs: 20 }),
      (e: unknown) => e,
    );
    if (outcome instanceof ProxmoxError) {
      for (const text of [outcome.message, JSON.stringify(outcome), String(outcome)])
        expect(text).not.toContain(betaMigrationTarget(wrong).token.secret);
    } else {
      expect(outcome).toMatchObject({ ok: false });
      expect(JSON.stringify(outcome)).not.toContain(betaMigrationTarget(wrong).token.secret);
    }
    expect(alpha.guest(101)?.node).toBe("pve1");
  });
});
