import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { registerDemoFederation } from "@/lib/clusters/demo";
import { acceptClusterFingerprint } from "@/lib/clusters/mutations";
import { db } from "@/lib/db";
import { generateCluster, startSimulator, type RunningSimulator } from "@/lib/proxmox/simulator";
import { createMember } from "@/test/factories";
import { holdClusterSyncLockElsewhere } from "./lock";
import { syncCluster, type SyncOptions } from "./sync-cluster";
import { parseGuestQuery } from "@/lib/state/guest-filters";
import { listGuests } from "@/lib/state/guests";

// Short timeouts and no retries: a down cluster fails in milliseconds, not seconds.
const FAST: SyncOptions = { client: { timeoutMs: 2_000, retries: 0 } };
const suffix = randomBytes(3).toString("hex");
const nameA = `sync-a-${suffix}`;
const nameB = `sync-b-${suffix}`;

let sim: RunningSimulator;
let ids: Record<string, string>;
let certDir: string;

beforeAll(async () => {
  certDir = await mkdtemp(path.join(tmpdir(), "sovereign-sync-"));
  sim = await startSimulator(
    {
      seed: 11,
      clusters: [
        generateCluster({
          name: nameA,
          nodes: 3,
          guests: 40,
          seed: 11,
          site: { city: "Paris", role: "primary", tier: 1, lat: 48.85, lon: 2.35, country: "FR" },
        }),
        generateCluster({
          name: nameB,
          nodes: 2,
          guests: 10,
          seed: 12,
          site: { city: "Porto", role: "edge", tier: 3, lat: 41.15, lon: -8.62, country: "PT" },
        }),
      ],
    },
    { ephemeralPorts: true, timeScale: 0.01, authFailureDelayMs: 5, certDir },
  );
  const registered = await registerDemoFederation(db, sim);
  ids = Object.fromEntries(registered.map((r) => [r.name, r.id]));
});

afterAll(async () => {
  await sim.close();
  await rm(certDir, { recursive: true, force: true });
});

const id = (name: string): string => {
  const value = ids[name];
  if (!value) throw new Error(`no cluster ${name}`);
  return value;
};

describe("syncCluster against the simulator", () => {
  it("writes nodes, guests, storages, disks, HA, tasks and one history row", async () => {
    const outcome = await syncCluster(id(nameA), { ...FAST, forceDisks: true });
    expect(outcome).toMatchObject({ status: "ok", health: "healthy", nodes: 3, guests: 40, disksRead: true });
    const clusterId = id(nameA);
    expect(await db.guest.count({ where: { clusterId } })).toBe(sim.cluster(nameA).guests().length);
    expect(await db.clusterNode.count({ where: { clusterId, status: "online" } })).toBe(3);
    expect(await db.storage.count({ where: { clusterId } })).toBeGreaterThan(0);
    expect(await db.disk.count({ where: { clusterId } })).toBeGreaterThan(0);
    expect(await db.haResource.count({ where: { clusterId } })).toBeGreaterThan(0);
    const history = await db.clusterHistory.findMany({ where: { clusterId } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ health: "healthy", nodesOnline: 3, nodesTotal: 3, guestsTotal: 40 });
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster).toMatchObject({ health: "healthy", lastErrorKind: null, consecutiveFailures: 0, quorate: true });
    expect(cluster.lastSyncAt).not.toBeNull();
    const node = await db.clusterNode.findFirstOrThrow({ where: { clusterId } });
    expect(node.pveVersion).toMatch(/^\d+\.\d+/);
    expect(node.maxcpu).toBeGreaterThan(0);
  });

  it("a second sync updates rows in place: same ids, no duplicates, disks not re-read", async () => {
    const clusterId = id(nameA);
    const before = await db.guest.findMany({
      where: { clusterId },
      select: { id: true, vmid: true },
      orderBy: { vmid: "asc" },
    });
    const outcome = await syncCluster(clusterId, FAST);
    expect(outcome).toMatchObject({ status: "ok", disksRead: false });
    const after = await db.guest.findMany({
      where: { clusterId },
      select: { id: true, vmid: true },
      orderBy: { vmid: "asc" },
    });
    expect(after).toEqual(before);
    expect(await db.clusterHistory.count({ where: { clusterId } })).toBe(2);
  });

  it("keeps usage in the cluster's one metrics row, so a sync where only usage moved rewrites no guest row", async () => {
    const clusterId = id(nameA);
    // A row version's xmin is the transaction that wrote it: unchanged means not rewritten.
    const versions = () =>
      db.$queryRaw<
        Array<{ vmid: number; xmin: string }>
      >`SELECT "vmid", xmin::text AS xmin FROM "Guest" WHERE "clusterId" = ${clusterId}::uuid ORDER BY "vmid"`;
    const usage = () => db.guestMetrics.findUniqueOrThrow({ where: { clusterId } });
    const guestsBefore = await versions();
    const usageBefore = await usage();
    // A second later, so every running guest's uptime and network counters have moved.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
    expect(await versions()).toEqual(guestsBefore);
    const usageAfter = await usage();
    expect(usageAfter.at.getTime()).toBeGreaterThan(usageBefore.at.getTime());
    expect(usageAfter.vmid).toEqual(guestsBefore.map((g) => g.vmid));
    for (const measure of [
      usageAfter.cpu,
      usageAfter.mem,
      usageAfter.disk,
      usageAfter.netin,
      usageAfter.netout,
      usageAfter.uptime,
    ])
      expect(measure).toHaveLength(usageAfter.vmid.length);
    expect(usageAfter.uptime).not.toEqual(usageBefore.uptime);
    // And the guest table reads it: a running guest's uptime is the one stored.
    const running = await db.guest.findFirstOrThrow({
      where: { clusterId, status: "running" },
      select: { vmid: true },
    });
    const page = await listGuests(clusterId, parseGuestQuery({ q: String(running.vmid) }));
    const row = page.rows.find((r) => r.vmid === running.vmid);
    expect(row?.uptime).toBe(usageAfter.uptime[usageAfter.vmid.indexOf(running.vmid)]);
  });

  it("reads each node's status once a minute: a sync in between asks only cluster-wide calls and keeps the stored details", async () => {
    const clusterId = id(nameA);
    const simulated = sim.cluster(nameA);
    const nodeCalls = () => simulated.requests.filter((r) => /^\/api2\/json\/nodes\/[^/]+\/status/.test(r.path)).length;
    // In the past, so later tests' syncs stay the latest.
    const start = Date.now() - 300_000;
    await syncCluster(clusterId, { ...FAST, forceNodeDetails: true, now: () => new Date(start) });
    const versions = await db.clusterNode.findMany({
      where: { clusterId },
      select: { name: true, pveVersion: true, kernel: true, cpuModel: true },
      orderBy: { name: "asc" },
    });
    expect(versions.every((v) => v.pveVersion !== null && v.kernel !== null && v.cpuModel !== null)).toBe(true);

    simulated.clearRequests();
    expect(await syncCluster(clusterId, { ...FAST, now: () => new Date(start + 30_000) })).toMatchObject({
      status: "ok",
    });
    expect(nodeCalls()).toBe(0);
    expect(
      await db.clusterNode.findMany({
        where: { clusterId },
        select: { name: true, pveVersion: true, kernel: true, cpuModel: true },
        orderBy: { name: "asc" },
      }),
    ).toEqual(versions);
    expect((await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).pveVersion).not.toBeNull();

    simulated.clearRequests();
    expect(await syncCluster(clusterId, { ...FAST, now: () => new Date(start + 61_000) })).toMatchObject({
      status: "ok",
    });
    expect(nodeCalls()).toBe(versions.length);
  });

  it("writes state and history in one transaction: a failing history insert leaves nothing behind", async () => {
    const clusterId = id(nameB);
    await db.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION sovereign_test_refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER sovereign_test_refuse BEFORE INSERT ON "ClusterHistory" FOR EACH ROW WHEN (NEW.health <> 'down') EXECUTE FUNCTION sovereign_test_refuse()`,
    );
    try {
      const outcome = await syncCluster(clusterId, FAST);
      expect(outcome).toMatchObject({ status: "failed", kind: "internal" });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER sovereign_test_refuse ON "ClusterHistory"`);
      await db.$executeRawUnsafe(`DROP FUNCTION sovereign_test_refuse()`);
    }
    expect(await db.guest.count({ where: { clusterId } })).toBe(0);
    expect(await db.clusterNode.count({ where: { clusterId } })).toBe(0);
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster).toMatchObject({ lastSyncAt: null, health: "down", lastErrorKind: "internal" });
    // The next sync succeeds and writes everything.
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
    expect(await db.guest.count({ where: { clusterId } })).toBe(10);
  });

  it("runs one sync of a cluster at a time: a concurrent call is skipped, not doubled", async () => {
    const clusterId = id(nameB);
    const historyBefore = await db.clusterHistory.count({ where: { clusterId } });
    sim.cluster(nameB).setLatency(150);
    try {
      const outcomes = await Promise.all([
        syncCluster(clusterId, FAST),
        syncCluster(clusterId, FAST),
        syncCluster(clusterId, FAST),
      ]);
      expect(outcomes.filter((o) => o.status === "ok")).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === "skipped" && o.reason === "already_running")).toHaveLength(2);
    } finally {
      sim.cluster(nameB).setLatency(0);
    }
    expect(await db.clusterHistory.count({ where: { clusterId } })).toBe(historyBefore + 1);
    // The lock is released afterwards.
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
  });

  it("defers to a sync running in another process (the lock held on another connection)", async () => {
    const clusterId = id(nameB);
    const release = await holdClusterSyncLockElsewhere(clusterId);
    try {
      expect(await syncCluster(clusterId, FAST)).toEqual({ status: "skipped", reason: "already_running" });
    } finally {
      await release();
    }
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
  });

  it("frees the lock for other processes moments after a sync, the release riding on a later query or a short timer", async () => {
    const clusterId = id(nameB);
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
    const started = Date.now();
    // Blocks until this process has released it: a release that never came would time the test out.
    const release = await holdClusterSyncLockElsewhere(clusterId);
    const waited = Date.now() - started;
    try {
      expect(waited).toBeLessThan(1_000);
      expect(await syncCluster(clusterId, FAST)).toEqual({ status: "skipped", reason: "already_running" });
    } finally {
      await release();
    }
    // And syncing it again, here, takes and frees it again.
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
    const again = await holdClusterSyncLockElsewhere(clusterId);
    await again();
  });

  it("a down cluster keeps its last state, marked with the error; the other cluster keeps syncing", async () => {
    const a = id(nameA);
    const b = id(nameB);
    const guestsBefore = await db.guest.count({ where: { clusterId: a } });
    const lastSync = (await db.cluster.findUniqueOrThrow({ where: { id: a } })).lastSyncAt;
    await sim.cluster(nameA).setDown(true);
    try {
      const [down, up] = await Promise.all([syncCluster(a, FAST), syncCluster(b, FAST)]);
      expect(down).toMatchObject({ status: "failed", kind: "unreachable" });
      expect(up).toMatchObject({ status: "ok" });
    } finally {
      await sim.cluster(nameA).setDown(false);
    }
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: a } });
    expect(cluster).toMatchObject({ health: "down", lastErrorKind: "unreachable", consecutiveFailures: 1 });
    expect(cluster.lastSyncAt).toEqual(lastSync);
    expect(cluster.lastErrorAt).not.toBeNull();
    expect(await db.guest.count({ where: { clusterId: a } })).toBe(guestsBefore);
    const latest = await db.clusterHistory.findFirstOrThrow({ where: { clusterId: a }, orderBy: { at: "desc" } });
    expect(latest).toMatchObject({ health: "down", guestsTotal: null });
    // Back up: the error clears.
    expect(await syncCluster(a, FAST)).toMatchObject({ status: "ok" });
    expect(await db.cluster.findUniqueOrThrow({ where: { id: a } })).toMatchObject({
      health: "healthy",
      lastErrorKind: null,
      consecutiveFailures: 0,
    });
  });

  it("a hanging cluster and one answering 5xx fail plainly, keep their state, and recover", async () => {
    const a = id(nameA);
    const guests = await db.guest.count({ where: { clusterId: a } });
    const handle = sim.cluster(nameA);
    handle.setHang(true);
    try {
      expect(await syncCluster(a, { client: { timeoutMs: 300, retries: 0 } })).toMatchObject({
        status: "failed",
        kind: "unreachable",
      });
    } finally {
      handle.setHang(false);
    }
    handle.setErrorRate(1, 500);
    try {
      expect(await syncCluster(a, FAST)).toMatchObject({ status: "failed", kind: "server_error" });
    } finally {
      handle.setErrorRate(0);
    }
    expect(await db.cluster.findUniqueOrThrow({ where: { id: a } })).toMatchObject({
      health: "down",
      lastErrorKind: "server_error",
      consecutiveFailures: 2,
    });
    expect(await db.guest.count({ where: { clusterId: a } })).toBe(guests);
    expect(await syncCluster(a, FAST)).toMatchObject({ status: "ok" });
  });

  it("a node offline degrades the cluster; its guests are shown unknown, nothing is lost", async () => {
    const a = id(nameA);
    const node = "pve2";
    sim.cluster(nameA).setNodeOnline(node, false);
    try {
      expect(await syncCluster(a, FAST)).toMatchObject({ status: "ok", health: "degraded" });
    } finally {
      sim.cluster(nameA).setNodeOnline(node, true);
    }
    expect(await db.clusterNode.findFirstOrThrow({ where: { clusterId: a, name: node } })).toMatchObject({
      status: "offline",
    });
    const onNode = await db.guest.findMany({ where: { clusterId: a, node }, select: { status: true } });
    expect(onNode.length).toBeGreaterThan(0);
    expect(onNode.every((g) => g.status === "unknown")).toBe(true);
    expect(await db.guest.count({ where: { clusterId: a } })).toBe(40);
  });

  it("a rotated certificate stops sync until an admin accepts the new fingerprint", async () => {
    const b = id(nameB);
    const old = (await db.cluster.findUniqueOrThrow({ where: { id: b } })).fingerprint;
    const rotated = await sim.cluster(nameB).rotateCertificate();
    const failed = await syncCluster(b, FAST);
    expect(failed).toMatchObject({ status: "failed", kind: "tls_fingerprint_mismatch" });
    const pending = await db.cluster.findUniqueOrThrow({ where: { id: b } });
    expect(pending).toMatchObject({ fingerprint: old, pendingFingerprint: rotated, health: "down" });
    expect(await syncCluster(b, FAST)).toEqual({ status: "skipped", reason: "certificate_changed" });

    const operator = await createMember("operator");
    const admin = await createMember("admin");
    expect(
      await executeAction(acceptClusterFingerprint, { clusterId: b, fingerprint: rotated }, operator),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(acceptClusterFingerprint, { clusterId: b, fingerprint: old }, admin)).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await executeAction(acceptClusterFingerprint, { clusterId: b, fingerprint: rotated }, admin)).toMatchObject({
      ok: true,
    });
    expect(await syncCluster(b, FAST)).toMatchObject({ status: "ok" });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "cluster.fingerprint-accepted", targetId: b },
    });
    expect(event.payload).toMatchObject({ previous: old, accepted: rotated });
  });

  it("skips a disabled or unknown cluster", async () => {
    const b = id(nameB);
    await db.cluster.update({ where: { id: b }, data: { enabled: false } });
    try {
      expect(await syncCluster(b, FAST)).toEqual({ status: "skipped", reason: "disabled" });
    } finally {
      await db.cluster.update({ where: { id: b }, data: { enabled: true } });
    }
    expect(await syncCluster("00000000-0000-4000-8000-000000000000", FAST)).toEqual({
      status: "skipped",
      reason: "not_found",
    });
  });
});

describe("vanished guests", () => {
  it("removes guests the cluster no longer reports, and keeps the rest", async () => {
    const name = `sync-v-${suffix}`;
    const dir = await mkdtemp(path.join(tmpdir(), "sovereign-vanish-"));
    const spec = (guests: number) => ({ seed: 21, clusters: [generateCluster({ name, nodes: 2, guests, seed: 21 })] });
    // The same certificate folder: the restarted cluster keeps its fingerprint.
    const first = await startSimulator(spec(12), { ephemeralPorts: true, timeScale: 0.01, certDir: dir });
    let clusterId: string;
    try {
      const [registered] = await registerDemoFederation(db, first);
      if (!registered) throw new Error("not registered");
      clusterId = registered.id;
      expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok", guests: 12 });
    } finally {
      await first.close();
    }
    const second = await startSimulator(spec(9), { ephemeralPorts: true, timeScale: 0.01, certDir: dir });
    try {
      await db.cluster.update({ where: { id: clusterId }, data: { apiUrl: second.cluster(name).url } });
      const before = await db.guest.findMany({
        where: { clusterId, vmid: { lt: 109 } },
        select: { id: true, vmid: true },
        orderBy: { vmid: "asc" },
      });
      expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok", guests: 9 });
      const after = await db.guest.findMany({
        where: { clusterId },
        select: { id: true, vmid: true },
        orderBy: { vmid: "asc" },
      });
      expect(after.map((g) => g.vmid)).toEqual(
        second
          .cluster(name)
          .guests()
          .map((g) => g.vmid)
          .sort((a, b) => a - b),
      );
      // Survivors keep their row ids.
      expect(after).toEqual(before);
    } finally {
      await second.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the sync write connections", () => {
  it("commit without waiting for the WAL flush, while the app's own connections keep the default", async () => {
    const { syncWritePool } = await import("./write-pool");
    const sync = await syncWritePool().query<{ synchronous_commit: string }>("SHOW synchronous_commit");
    expect(sync.rows[0]?.synchronous_commit).toBe("off");
    const app = await db.$queryRawUnsafe<Array<{ synchronous_commit: string }>>("SHOW synchronous_commit");
    expect(app[0]?.synchronous_commit).toBe("on");
  });
});
