import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_GUEST_QUERY, parseGuestQuery } from "./guest-filters";

// The query modules guard against client bundles with "server-only", which throws outside Next.
vi.mock("server-only", () => ({}));
const { listGuests, listGuestTags } = await import("./guests");
const { getOverview } = await import("./overview");
const { getClusterView } = await import("./cluster");
const { getClusterHistory } = await import("./history");

const GiB = 1024 ** 3;
const NOW = new Date("2026-11-28T12:00:00Z");
const GUESTS = 3_000;
const NODES = ["pve1", "pve2", "pve3", "pve4"];
const TAGS = ["depin", "helium", "filecoin", "render", "akash"];

async function createCluster(name: string, health: "healthy" | "down" = "healthy") {
  return db.cluster.create({
    data: {
      name: `${name}-${randomUUID().slice(0, 8)}`,
      apiUrl: "https://127.0.0.1:1",
      tokenId: "t@pve!x",
      tokenSecretCiphertext: "x",
      tokenSecretIv: "x",
      tokenSecretTag: "x",
      tokenSecretKeyId: "k1",
      fingerprint: "AA",
      health,
      lastSyncAt: new Date(NOW.getTime() - (health === "down" ? 600_000 : 5_000)),
      ...(health === "down"
        ? {
            lastErrorAt: new Date(NOW.getTime() - 3_000),
            lastErrorKind: "unreachable",
            lastErrorMessage: "connection refused",
          }
        : {}),
      siteName: name,
      role: "primary",
      tier: 1,
      latitude: 45,
      longitude: 4,
      country: "FR",
      electricityPricePerKwh: "0.2",
      currency: "EUR",
    },
    select: { id: true, name: true },
  });
}

let big: { id: string; name: string };
let small: { id: string; name: string };

beforeAll(async () => {
  big = await createCluster("big");
  small = await createCluster("small", "down");
  await db.clusterNode.createMany({
    data: [
      ...NODES.map((name, i) => ({
        clusterId: big.id,
        name,
        status: i === 3 ? ("offline" as const) : ("online" as const),
        cpu: 0.5,
        maxcpu: 32,
        mem: 64 * GiB,
        maxmem: 256 * GiB,
        uptime: 86_400,
        pveVersion: "9.1.2",
      })),
      {
        clusterId: small.id,
        name: "edge1",
        status: "online" as const,
        cpu: 0.1,
        maxcpu: 4,
        mem: 2 * GiB,
        maxmem: 16 * GiB,
      },
    ],
  });
  // Deterministic spread: status, type, node and tags cycle with different periods.
  await db.guest.createMany({
    data: Array.from({ length: GUESTS }, (_, i) => ({
      clusterId: big.id,
      vmid: 1000 + i,
      type: i % 3 === 0 ? ("lxc" as const) : ("qemu" as const),
      name: `guest-${String(i).padStart(4, "0")}`,
      node: NODES[i % NODES.length] ?? "pve1",
      status: i % 4 === 0 ? ("stopped" as const) : ("running" as const),
      tags: [TAGS[i % TAGS.length] ?? "depin"],
      maxcpu: 2,
      maxmem: 4 * GiB,
    })),
  });
  // Their usage, as a sync stores it: one row of arrays aligned by vmid.
  const usage = Array.from({ length: GUESTS }, (_, i) => i);
  await db.guestMetrics.create({
    data: {
      clusterId: big.id,
      at: NOW,
      vmid: usage.map((i) => 1000 + i),
      cpu: usage.map((i) => (i % 100) / 100),
      mem: usage.map((i) => i * 1_000_000),
      disk: usage.map(() => 0),
      netin: usage.map(() => 0),
      netout: usage.map(() => 0),
      uptime: usage.map((i) => i * 10),
    },
  });
  await db.guest.createMany({
    data: [
      { clusterId: small.id, vmid: 100, type: "qemu", name: "edge-vm", node: "edge1", status: "running", tags: [] },
    ],
  });
  await db.storage.createMany({
    data: [
      {
        clusterId: big.id,
        node: "pve1",
        storage: "ceph",
        shared: true,
        status: "available",
        disk: 950 * GiB,
        maxdisk: 1000 * GiB,
      },
      {
        clusterId: big.id,
        node: "pve2",
        storage: "ceph",
        shared: true,
        status: "available",
        disk: 950 * GiB,
        maxdisk: 1000 * GiB,
      },
      {
        clusterId: big.id,
        node: "pve1",
        storage: "local",
        shared: false,
        status: "available",
        disk: 10 * GiB,
        maxdisk: 100 * GiB,
      },
    ],
  });
  await db.clusterTask.createMany({
    data: [
      {
        clusterId: big.id,
        upid: "UPID:pve1:00000001:00000001:6767A000:qmstart:1001:root@pam:",
        node: "pve1",
        type: "qmstart",
        objectId: "1001",
        user: "root@pam",
        startedAt: new Date(NOW.getTime() - 60_000),
        endedAt: NOW,
        status: "OK",
        ok: true,
      },
      {
        clusterId: big.id,
        upid: "UPID:pve1:00000002:00000001:6767A001:qmigrate:1002:root@pam:",
        node: "pve1",
        type: "qmigrate",
        objectId: "1002",
        user: "root@pam",
        startedAt: new Date(NOW.getTime() - 30_000),
        endedAt: NOW,
        status: "migration aborted",
        ok: false,
      },
    ],
  });
  // 24 h of 15-minute samples and an hourly rollup for days 2–7.
  const samples = Array.from({ length: 96 }, (_, i) => ({
    clusterId: big.id,
    at: new Date(NOW.getTime() - i * 900_000),
    health: "healthy" as const,
    cpuUsed: 10 + (i % 4),
    cpuTotal: 96,
    memUsed: 100 * GiB,
    memTotal: 768 * GiB,
  }));
  await db.clusterHistory.createMany({ data: samples });
  const hour = (at: Date) => ({
    clusterId: big.id,
    hour: at,
    samples: 240,
    downSamples: 0,
    worstHealth: "healthy" as const,
    cpuUsed: 20,
    cpuTotal: 96,
    memUsed: 200 * GiB,
    memTotal: 768 * GiB,
  });
  const hours = Array.from({ length: 24 * 6 }, (_, i) => hour(new Date(Date.UTC(2026, 10, 27, 0) - i * 3_600_000)));
  // One rolled-up hour that also has raw rows: the rollup wins for it.
  hours.push(hour(new Date("2026-11-28T11:00:00Z")));
  await db.clusterHistoryHourly.createMany({ data: hours });
}, 60_000);

describe("listGuests at 3,000 guests", () => {
  it("pages the default view by name", async () => {
    const page = await listGuests(big.id, parseGuestQuery({}));
    expect(page).toMatchObject({ total: GUESTS, page: 1, pageCount: 60, size: 50 });
    expect(page.rows.map((r) => r.name).slice(0, 2)).toEqual(["guest-0000", "guest-0001"]);
    const last = await listGuests(big.id, parseGuestQuery({ page: "60" }));
    expect(last.rows.at(-1)?.name).toBe("guest-2999");
    expect((await listGuests(big.id, parseGuestQuery({ page: "999" }))).page).toBe(60);
  });

  it("filters by status, node, type and tag together, and searches names and vmids", async () => {
    const filtered = await listGuests(
      big.id,
      parseGuestQuery({ status: "stopped", node: "pve1", type: "qemu", tag: "depin", size: "100" }),
    );
    // stopped: i%4==0 → node pve1 always (i%4==0); qemu: i%3!=0; tag depin: i%5==0 → i%20==0 and i%3!=0.
    const expected = Array.from({ length: GUESTS }, (_, i) => i).filter((i) => i % 20 === 0 && i % 3 !== 0).length;
    expect(filtered.total).toBe(expected);
    expect(
      filtered.rows.every(
        (r) => r.status === "stopped" && r.node === "pve1" && r.type === "qemu" && r.tags.includes("depin"),
      ),
    ).toBe(true);
    expect((await listGuests(big.id, parseGuestQuery({ q: "GUEST-29" }))).total).toBe(100);
    const byVmid = await listGuests(big.id, parseGuestQuery({ q: "1005" }));
    expect(byVmid.rows.map((r) => r.vmid)).toContain(1005);
    expect((await listGuests(small.id, parseGuestQuery({ q: "guest" }))).total).toBe(0);
  });

  it("sorts by any column with vmid breaking ties, without overlapping pages", async () => {
    const first = await listGuests(big.id, parseGuestQuery({ sort: "cpu", dir: "desc" }));
    const second = await listGuests(big.id, parseGuestQuery({ sort: "cpu", dir: "desc", page: "2" }));
    expect(first.rows[0]?.cpu).toBe(0.99);
    expect(first.rows.map((r) => r.vmid).slice(0, 3)).toEqual([1099, 1199, 1299]);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.vmid));
    expect(ids.size).toBe(100);
  });

  it("answers within the page budget", async () => {
    const started = performance.now();
    for (let i = 0; i < 5; i++)
      await listGuests(
        big.id,
        parseGuestQuery({ q: "guest-1", status: "running", sort: "mem", dir: "desc", page: "3" }),
      );
    expect((performance.now() - started) / 5).toBeLessThan(150);
  });

  it("gives no usage, not zero, for a guest the last sync did not measure", async () => {
    // The small cluster's one guest has a row but its cluster has no GuestMetrics row.
    const page = await listGuests(small.id, DEFAULT_GUEST_QUERY);
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      name: "edge-vm",
      status: "running",
      cpu: null,
      mem: null,
      disk: null,
      uptime: null,
    });
    const measured = await listGuests(big.id, parseGuestQuery({ q: "1001" }));
    expect(measured.rows.find((r) => r.vmid === 1001)).toMatchObject({ cpu: 0.01, mem: 1_000_000, uptime: 10 });
  });

  it("lists the tags in use", async () => {
    expect(await listGuestTags(big.id)).toEqual([...TAGS].sort());
  });
});

describe("overview", () => {
  it("summarises each cluster and the federation, with problems", async () => {
    const overview = await getOverview(NOW);
    const card = overview.clusters.find((c) => c.id === big.id);
    expect(card?.usage).toEqual({
      nodes: { online: 3, total: 4 },
      guests: { running: 2250, total: 3000 },
      cpu: { used: 48, total: 96 },
      mem: { used: 192 * GiB, total: 768 * GiB },
      storage: { used: 960 * GiB, total: 1100 * GiB },
    });
    expect(card?.sync.freshness).toBe("fresh");
    expect(JSON.stringify(card)).not.toContain("tokenSecret");
    const down = overview.clusters.find((c) => c.id === small.id);
    expect(down?.sync).toEqual({
      freshness: "stale",
      ageMs: 600_000,
      error: { kind: "unreachable", message: "connection refused" },
    });

    const mine = overview.problems
      .filter((p) => p.clusterId === big.id || p.clusterId === small.id)
      .map((p) => `${p.kind}:${p.subject}`);
    expect(mine).toEqual(
      expect.arrayContaining(["cluster_down:", "node_offline:pve4", "storage_full:ceph", "task_failed:qmigrate 1002"]),
    );
    expect(mine.filter((m) => m === "storage_full:ceph")).toHaveLength(1);
    expect(overview.recentTasks.some((t) => t.clusterName === big.name && t.type === "qmigrate")).toBe(true);
    expect(overview.totals.clusters.total).toBe(overview.clusters.length);
    expect(overview.totals.usage.guests.total).toBe(overview.clusters.reduce((n, c) => n + c.usage.guests.total, 0));
  });
});

describe("cluster page", () => {
  it("has nodes, deduplicated storages, tasks, and is null for an unknown id", async () => {
    const view = await getClusterView(big.id, NOW);
    expect(view?.nodes.map((n) => n.name)).toEqual(NODES);
    expect(view?.storages.map((s) => s.storage)).toEqual(["ceph", "local"]);
    expect(view?.tasks[0]?.type).toBe("qmigrate");
    expect(await getClusterView(randomUUID())).toBeNull();
  });

  it("buckets 24 h into 5-minute points and 7 d into hours from the rollup and the raw rows", async () => {
    const day = await getClusterHistory(big.id, "24h", NOW);
    expect(day.length).toBe(96);
    expect(day.every((p) => p.cpuTotal === 96)).toBe(true);
    const week = await getClusterHistory(big.id, "7d", NOW);
    const rollup = week.filter((p) => p.cpuUsed === 20).length;
    // Since 11-21 12:00: 133 rolled-up hours up to 11-27 00:00, plus 11-28 11:00; the raw rows
    // cover 25 hour buckets (11-27 12:00 to 11-28 12:00), one of which the rollup already has.
    expect(rollup).toBe(134);
    expect(week.length).toBe(134 + 24);
    expect(week.find((p) => p.t === Date.parse("2026-11-28T11:00:00Z"))?.cpuUsed).toBe(20);
    expect(week.map((p) => p.t)).toEqual([...week.map((p) => p.t)].sort((a, b) => a - b));
  });
});
