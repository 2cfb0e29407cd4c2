// The state read model's fixture: a big cluster (4 nodes, one offline; 3,000 guests with usage,
// storages, tasks, a week of history) and a small one that is down, written as a sync would.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

export const GiB = 1024 ** 3;
export const NOW = new Date("2026-11-28T12:00:00Z");
export const GUESTS = 3_000;
export const NODES = ["pve1", "pve2", "pve3", "pve4"];
export const TAGS = ["depin", "helium", "filecoin", "render", "akash"];

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

export interface StateFixture {
  big: { id: string; name: string };
  small: { id: string; name: string };
}

export async function seedStateFixture(): Promise<StateFixture> {
  const big = await createCluster("big");
  const small = await createCluster("small", "down");
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
      // One nearly full Ceph pool, seen from both nodes.
      ...["pve1", "pve2"].map((node) => ({
        clusterId: big.id,
        node,
        storage: "ceph",
        shared: true,
        status: "available",
        disk: 950 * GiB,
        maxdisk: 1000 * GiB,
      })),
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
  return { big, small };
}
