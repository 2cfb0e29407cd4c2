import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { insertBatch } from "@/lib/earnings/ingest";
import { dedupeKeyOf, type NormalizedEntry } from "@/lib/earnings/validate";
import { createCluster } from "@/test/factories";
import {
  DEFAULT_LATENCY_BASE_MS,
  DEFAULT_WATTS_PER_GPU,
  DEFAULT_WATTS_PER_VCPU,
} from "@/lib/placement/engine/defaults";
import { loadPlacementInput } from "./load";

const GiB = 1024 ** 3;
const DAY_MS = 86_400_000;
const NOW = new Date();
const today = NOW.toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);

async function node(clusterId: string, name: string, status: "online" | "offline", cpus: number, memGiB: number) {
  await db.clusterNode.create({ data: { clusterId, name, status, maxcpu: cpus, maxmem: memGiB * GiB } });
}
async function storage(
  clusterId: string,
  nodeName: string,
  name: string,
  content: string[],
  sizeGiB: number,
  shared = false,
) {
  await db.storage.create({
    data: { clusterId, node: nodeName, storage: name, content, shared, status: "available", maxdisk: sizeGiB * GiB },
  });
}
async function guest(
  clusterId: string,
  vmid: number,
  opts: {
    tags?: string[];
    status?: "running" | "stopped";
    cpus?: number;
    memGiB?: number;
    diskGiB?: number;
    template?: boolean;
  } = {},
) {
  await db.guest.create({
    data: {
      clusterId,
      vmid,
      type: "qemu",
      name: `g${vmid}`,
      node: "pve1",
      status: opts.status ?? "running",
      tags: opts.tags ?? [],
      template: opts.template ?? false,
      maxcpu: opts.cpus ?? 2,
      maxmem: (opts.memGiB ?? 2) * GiB,
      maxdisk: (opts.diskGiB ?? 32) * GiB,
    },
  });
}
function usdEntry(clusterId: string, networkId: string, day: string, amount: string): NormalizedEntry {
  const base = {
    clusterId,
    networkId,
    workload: null,
    day,
    amount,
    symbol: "USD",
    source: "load-test",
    externalId: randomUUID(),
  };
  return { ...base, dedupeKey: dedupeKeyOf(base) };
}
async function workload(data: { tag?: string; networkId?: string; service?: "trading_bot"; replicas?: number }) {
  return db.workload.create({
    data: {
      name: `w-${randomUUID().slice(0, 8)}`,
      vcpu: 2,
      memoryMb: 2048,
      diskGb: 32,
      replicas: data.replicas ?? 2,
      tag: data.tag ?? null,
      networkId: data.networkId ?? null,
      service: data.service ?? null,
    },
  });
}

describe("loadPlacementInput", () => {
  it("takes capacity from online nodes and guest storages, baseline from guests outside workloads, and flags stale and maintenance sites", async () => {
    const tag = `sov-${randomUUID().slice(0, 6)}`;
    const fresh = await createCluster({
      health: "healthy",
      lastSyncAt: NOW,
      gpuCount: 2,
      wattsPerVcpu: 9,
      latencyBaseMs: 5,
    });
    const never = await createCluster({ maintenance: true });
    await node(fresh.id, "pve1", "online", 16, 64);
    await node(fresh.id, "pve2", "online", 16, 64);
    await node(fresh.id, "pve3", "offline", 16, 64);
    await storage(fresh.id, "pve1", "ceph", ["images", "rootdir"], 1000, true);
    await storage(fresh.id, "pve2", "ceph", ["images", "rootdir"], 1000, true);
    await storage(fresh.id, "pve1", "local-lvm", ["images"], 100);
    await storage(fresh.id, "pve2", "local-lvm", ["rootdir"], 100);
    await storage(fresh.id, "pve1", "local", ["iso", "backup"], 500);
    await guest(fresh.id, 100, { tags: [tag] });
    await guest(fresh.id, 101, { tags: [tag.toUpperCase()], status: "stopped" });
    await guest(fresh.id, 102, { cpus: 4, memGiB: 8, diskGiB: 50 });
    await guest(fresh.id, 103, { status: "stopped", cpus: 8, memGiB: 16, diskGiB: 10 });
    await guest(fresh.id, 104, { tags: [tag], template: true, diskGiB: 20 });
    const w = await workload({ tag, networkId: "helium" });

    const { input, context } = await loadPlacementInput({ now: NOW });
    const a = input.clusters.find((c) => c.id === fresh.id);
    expect(a).toMatchObject({
      health: "healthy",
      stale: false,
      maintenance: false,
      capacity: { vcpu: 32, memoryMb: 128 * 1024, diskGb: 1200, gpus: 2 },
      // 102 running (CPU, memory, disk); 103 stopped (disk only); the template's disk.
      baselineUsed: { vcpu: 4, memoryMb: 8 * 1024, diskGb: 80, gpus: 0 },
      wattsPerVcpu: 9,
      wattsPerGpu: DEFAULT_WATTS_PER_GPU,
      latencyBaseMs: 5,
    });
    expect(input.clusters.find((c) => c.id === never.id)).toMatchObject({
      stale: true,
      maintenance: true,
      health: "unknown",
      capacity: { vcpu: 0 },
      wattsPerVcpu: DEFAULT_WATTS_PER_VCPU,
      latencyBaseMs: DEFAULT_LATENCY_BASE_MS,
    });
    const loaded = input.workloads.find((x) => x.id === w.id);
    expect(loaded).toMatchObject({
      subject: "network:helium",
      desiredReplicas: 2,
      requirements: { vcpu: 2, memoryMb: 2048, diskGb: 32, gpu: false },
    });
    expect(loaded?.replicas.map((r) => r.key).sort()).toEqual([`${fresh.id}:100`, `${fresh.id}:101`]);
    expect(context.guests[`${fresh.id}:101`]).toMatchObject({ name: "g101", type: "qemu", status: "stopped" });
  });

  it("converts electricity to USD at the currency's latest price, applies what-if prices and exclusions, and warns of a currency without a price", async () => {
    const priced = await createCluster({ currency: "ZZP", electricityPricePerKwh: "2" });
    const unpriced = await createCluster({ currency: "ZZQ", electricityPricePerKwh: "0.3" });
    await db.tokenPrice.createMany({
      data: [
        { symbol: "ZZP", day: new Date(`${daysAgo(5)}T00:00:00Z`), usd: "0.2" },
        { symbol: "ZZP", day: new Date(`${daysAgo(1)}T00:00:00Z`), usd: "0.25" },
        { symbol: "ZZP", day: new Date(`${daysAgo(-3)}T00:00:00Z`), usd: "9" },
      ],
    });
    const w = await workload({ service: "trading_bot" });

    const plain = await loadPlacementInput({ now: NOW });
    expect(plain.input.clusters.find((c) => c.id === priced.id)?.electricityUsdPerKwh).toBeCloseTo(0.5);
    expect(plain.input.clusters.find((c) => c.id === unpriced.id)?.electricityUsdPerKwh).toBeCloseTo(0.3);
    expect(plain.context.warnings.some((text) => text.includes(unpriced.name) && text.includes("ZZQ"))).toBe(true);

    const whatIf = { excludedClusterIds: [unpriced.id], electricityPrice: { [priced.id]: 4 }, rewardRates: {} };
    const changed = await loadPlacementInput({ now: NOW, whatIf });
    expect(changed.input.clusters.find((c) => c.id === priced.id)?.electricityUsdPerKwh).toBeCloseTo(1);
    expect(changed.context.clusters.find((c) => c.id === priced.id)).toMatchObject({
      electricityPrice: 4,
      storedElectricityPrice: 2,
      currency: "ZZP",
    });
    expect(changed.input.workloads.find((x) => x.id === w.id)?.constraints.excludedClusterIds).toEqual([unpriced.id]);
    expect(changed.context.clusters.find((c) => c.id === unpriced.id)?.excluded).toBe(true);
  });

  it("estimates revenue per replica from the cluster's ledger, then its region's, then the rate table by region, then any region, else none", async () => {
    const region = `Region ${randomUUID().slice(0, 6)}`;
    const otherRegion = `Other ${randomUUID().slice(0, 6)}`;
    const tag = `sov-${randomUUID().slice(0, 6)}`;
    const home = await createCluster({ region });
    const neighbour = await createCluster({ region });
    const abroad = await createCluster({ region: otherRegion, country: "DE" });
    const nowhere = await createCluster({ region: null, country: "PT" });
    await guest(home.id, 100, { tags: [tag] });
    await guest(home.id, 101, { tags: [tag] });
    // 900 USD over the 90-day window (first entry on its first day), two replicas earning it.
    await db.$transaction((tx) =>
      insertBatch(
        tx,
        [
          usdEntry(home.id, "iotex", daysAgo(89), "300"),
          usdEntry(home.id, "iotex", daysAgo(40), "300"),
          usdEntry(home.id, "iotex", daysAgo(3), "300"),
          usdEntry(home.id, "iotex", daysAgo(120), "5000"),
        ],
        null,
      ),
    );
    const iotex = await workload({ tag, networkId: "iotex" });
    const render = await workload({ networkId: "render" });
    const bot = await workload({ service: "trading_bot" });
    await db.rewardRate.deleteMany({
      where: { subject: { in: ["network:iotex", "network:render", "service:trading_bot"] } },
    });
    await db.rewardRate.createMany({
      data: [
        { subject: "network:iotex", region: "de", monthlyUsdPerReplica: "111" },
        { subject: "network:iotex", region: "", monthlyUsdPerReplica: "50" },
        { subject: "service:trading_bot", region: "", monthlyUsdPerReplica: "20" },
        { subject: "service:trading_bot", region: otherRegion.toUpperCase(), monthlyUsdPerReplica: "35" },
      ],
    });

    const { input } = await loadPlacementInput({ now: NOW });
    const perReplica = Math.round((((900 / 90) * (365 / 12)) / 2) * 100) / 100;
    expect(input.revenue[iotex.id]?.[home.id]).toEqual({ monthlyUsd: perReplica, source: "ledger-cluster" });
    expect(input.revenue[iotex.id]?.[neighbour.id]).toEqual({ monthlyUsd: perReplica, source: "ledger-region" });
    expect(input.revenue[iotex.id]?.[abroad.id]).toEqual({ monthlyUsd: 111, source: "rate-table" });
    expect(input.revenue[iotex.id]?.[nowhere.id]).toEqual({ monthlyUsd: 50, source: "rate-table" });
    expect(input.revenue[render.id]?.[home.id]).toEqual({ monthlyUsd: 0, source: "none" });
    // Services never read the ledger.
    expect(input.revenue[bot.id]?.[home.id]).toEqual({ monthlyUsd: 20, source: "rate-table" });
    expect(input.revenue[bot.id]?.[abroad.id]).toEqual({ monthlyUsd: 35, source: "rate-table" });

    // A what-if rate is "what if it paid this everywhere".
    const whatIf = await loadPlacementInput({
      now: NOW,
      whatIf: { excludedClusterIds: [], electricityPrice: {}, rewardRates: { "network:iotex": 400 } },
    });
    expect(whatIf.input.revenue[iotex.id]?.[home.id]).toEqual({ monthlyUsd: 400, source: "rate-table" });
    expect(whatIf.input.revenue[bot.id]?.[home.id]).toEqual({ monthlyUsd: 20, source: "rate-table" });
  });
});
