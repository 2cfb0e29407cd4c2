import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registerDemoFederation } from "@/lib/clusters/demo";
import { db } from "@/lib/db";
import { generateCluster, startSimulator } from "@/lib/proxmox/simulator";
import { FAST, syncFederationPerFile } from "@/test/simulator-sync";
import { syncCluster } from "./sync-cluster";
import { parseGuestQuery } from "@/lib/state/guest-filters";
import { listGuests } from "@/lib/state/guests";

const suffix = randomBytes(3).toString("hex");
const fed = syncFederationPerFile();
const id = (name: string): string => fed.id(name);

describe("syncCluster against the simulator", () => {
  it("writes nodes, guests, storages, disks, HA, tasks and one history row", async () => {
    const outcome = await syncCluster(id(fed.nameA), { ...FAST, forceDisks: true });
    expect(outcome).toMatchObject({ status: "ok", health: "healthy", nodes: 3, guests: 40, disksRead: true });
    const clusterId = id(fed.nameA);
    expect(await db.guest.count({ where: { clusterId } })).toBe(fed.sim.cluster(fed.nameA).guests().length);
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
    const clusterId = id(fed.nameA);
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
    const clusterId = id(fed.nameA);
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
    const clusterId = id(fed.nameA);
    const simulated = fed.sim.cluster(fed.nameA);
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
    const clusterId = id(fed.nameB);
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
