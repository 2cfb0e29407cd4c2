// DB → PlacementInput: the federation as the last syncs saw it, the workloads with the guests that
// are their replicas now, and each workload's expected revenue per replica at each cluster, under
// a what-if. Reads Postgres only (never a cluster). The engine is pure; everything it needs to
// know is decided here:
// - capacity: online nodes' CPUs and memory; disk from storages that hold guest images or
//   container volumes (a shared storage counted once); GPUs as the site's record says;
// - baseline: guests that belong to no workload — running ones with their CPUs and memory, every
//   one with its disk (a stopped guest still holds its volume);
// - health and staleness from the last sync (lib/state/staleness.ts); a disabled cluster is stale;
// - electricity in USD at the currency's latest price (lib/earnings/prices.ts), power draw and
//   latency base from the site's record, else lib/placement/engine/defaults.ts;
// - revenue per replica from the ledger, else the reward-rate table (revenue.ts).
import "server-only";
import { clusterSiteSelect } from "@/lib/clusters/selects";
import { db, type Tx } from "@/lib/db";
import { latestUsdRates } from "@/lib/earnings/prices";
import { env } from "@/lib/env";
import { siteHealth } from "@/lib/map/site-health";
import { syncStatus } from "@/lib/state/staleness";
import {
  DEFAULT_LATENCY_BASE_MS,
  DEFAULT_WATTS_PER_GPU,
  DEFAULT_WATTS_PER_VCPU,
  REVENUE_TRAILING_DAYS,
} from "@/lib/placement/engine/defaults";
import { workloadMembership } from "@/lib/placement/workloads/membership";
import { estimateRevenue, type LedgerWindow } from "@/lib/placement/engine/revenue";
import { subjectOf } from "@/lib/placement/workloads/subjects";
import type { PlacementCluster, PlacementOptions, PlacementWorkload } from "@/lib/placement/engine/types";
import type { ContextCluster, LoadedPlacement } from "./load-context";
import { roundResources, splitGuests } from "./load-guests";
import { EMPTY_WHAT_IF, type WhatIf } from "./what-if";

export type { ContextCluster, ContextGuest, ContextWorkload, LoadedPlacement, PlacementContext } from "./load-context";

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const DAY_MS = 86_400_000;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function loadPlacementInput(
  options: { whatIf?: WhatIf; now?: Date; client?: Tx; placement?: Partial<PlacementOptions> } = {},
): Promise<LoadedPlacement> {
  const whatIf = options.whatIf ?? EMPTY_WHAT_IF;
  const now = options.now ?? new Date();
  const client = options.client ?? db;
  const today = isoDay(now);
  const windowStart = isoDay(new Date(Date.parse(`${today}T00:00:00Z`) - (REVENUE_TRAILING_DAYS - 1) * DAY_MS));

  const [clusters, guests, workloads, assigned, rates, networks, ledgerRows] = await Promise.all([
    client.cluster.findMany({
      where: { archivedAt: null },
      orderBy: { name: "asc" },
      // Explicit select: only what the planner weighs (the token columns are omitted by lib/db.ts anyway).
      select: {
        id: true,
        name: true,
        ...clusterSiteSelect,
        health: true,
        enabled: true,
        lastSyncAt: true,
        lastErrorAt: true,
        lastErrorKind: true,
        lastErrorMessage: true,
        pendingFingerprint: true,
        syncIntervalSeconds: true,
        maintenance: true,
        gpuCount: true,
        wattsPerVcpu: true,
        wattsPerGpu: true,
        latencyBaseMs: true,
        electricityPricePerKwh: true,
        currency: true,
        nodes: { select: { status: true, maxcpu: true, maxmem: true } },
        storages: { select: { storage: true, shared: true, content: true, status: true, maxdisk: true } },
      },
    }),
    client.guest.findMany({
      select: {
        clusterId: true,
        vmid: true,
        name: true,
        type: true,
        status: true,
        template: true,
        tags: true,
        maxcpu: true,
        maxmem: true,
        maxdisk: true,
      },
    }),
    client.workload.findMany({ orderBy: [{ priority: "desc" }, { name: "asc" }] }),
    client.workloadGuest.findMany({ select: { clusterId: true, vmid: true, workloadId: true } }),
    client.rewardRate.findMany({ select: { subject: true, region: true, monthlyUsdPerReplica: true } }),
    client.earningsNetwork.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    client.$queryRaw<Array<{ clusterId: string; networkId: string; usd: number; firstDay: Date }>>`
      SELECT r."clusterId"::text AS "clusterId", r."networkId", sum(r."revenueUsd")::float8 AS usd, min(r."day") AS "firstDay"
      FROM "RevenueDaily" r WHERE r."day" BETWEEN ${windowStart}::date AND ${today}::date AND r."entries" > 0
      GROUP BY 1, 2`,
  ]);

  const warnings: string[] = [];
  const usdRates = await latestUsdRates(
    client,
    clusters.map((c) => c.currency),
    today,
  );
  const membership = workloadMembership(workloads, guests, assigned);
  const excluded = new Set(whatIf.excludedClusterIds);
  const defaultInterval = env().SYNC_INTERVAL_SECONDS;

  const { baseline, replicas, contextGuests } = splitGuests(guests, membership);

  const contextClusters: ContextCluster[] = [];
  const placementClusters: PlacementCluster[] = clusters.map((c) => {
    const online = c.nodes.filter((n) => n.status === "online");
    const seen = new Set<string>();
    let diskBytes = 0;
    for (const s of c.storages) {
      if (s.status !== "available" || !s.content.some((k) => k === "images" || k === "rootdir")) continue;
      if (s.shared) {
        if (seen.has(s.storage)) continue;
        seen.add(s.storage);
      }
      diskBytes += s.maxdisk;
    }
    const stored = c.electricityPricePerKwh.toNumber();
    const price = whatIf.electricityPrice[c.id] ?? stored;
    const rate = usdRates.get(c.currency.toUpperCase());
    if (rate === undefined)
      warnings.push(`${c.name}: no price for ${c.currency} yet, so its electricity is counted as if in USD.`);
    const usdPerKwh = price * (rate ?? 1);
    const freshness = syncStatus(c, now, defaultInterval).freshness;
    contextClusters.push({
      id: c.id,
      name: c.name,
      siteName: c.siteName,
      role: c.role,
      tier: c.tier,
      maintenance: c.maintenance,
      health: siteHealth({
        health: c.health,
        lastSyncAt: c.lastSyncAt,
        syncIntervalSeconds: c.syncIntervalSeconds ?? defaultInterval,
        now,
      }),
      latitude: c.latitude,
      longitude: c.longitude,
      country: c.country,
      region: c.region,
      currency: c.currency,
      electricityPrice: price,
      storedElectricityPrice: stored,
      electricityUsdPerKwh: usdPerKwh,
      excluded: excluded.has(c.id),
    });
    return {
      id: c.id,
      name: c.name,
      country: c.country,
      region: c.region,
      latitude: c.latitude,
      longitude: c.longitude,
      tier: c.tier === 1 || c.tier === 2 ? c.tier : 3,
      health: c.health,
      stale: freshness !== "fresh",
      maintenance: c.maintenance,
      capacity: {
        vcpu: online.reduce((sum, n) => sum + n.maxcpu, 0),
        memoryMb: Math.floor(online.reduce((sum, n) => sum + n.maxmem, 0) / MiB),
        diskGb: Math.floor(diskBytes / GiB),
        gpus: c.gpuCount,
      },
      baselineUsed: roundResources(baseline.get(c.id)),
      latencyBaseMs: c.latencyBaseMs ?? DEFAULT_LATENCY_BASE_MS,
      electricityUsdPerKwh: usdPerKwh,
      wattsPerVcpu: c.wattsPerVcpu ?? DEFAULT_WATTS_PER_VCPU,
      wattsPerGpu: c.wattsPerGpu ?? DEFAULT_WATTS_PER_GPU,
    };
  });

  const placementWorkloads: PlacementWorkload[] = workloads.map((w) => ({
    id: w.id,
    name: w.name,
    subject: subjectOf(w),
    priority: w.priority,
    requirements: { vcpu: w.vcpu, memoryMb: w.memoryMb, diskGb: w.diskGb, gpu: w.gpu },
    desiredReplicas: w.replicas,
    replicas: replicas.get(w.id) ?? [],
    constraints: {
      allowedCountries: w.allowedCountries,
      minSpreadKm: w.minSpreadKm,
      distinctRegions: w.distinctRegions,
      pinnedClusterIds: w.pinnedClusterIds,
      // A what-if exclusion is an exclusion for every workload: its replicas must leave.
      excludedClusterIds: [...new Set([...w.excludedClusterIds, ...whatIf.excludedClusterIds])],
      latency:
        w.latencyLatitude !== null && w.latencyLongitude !== null && w.maxLatencyMs !== null
          ? { latitude: w.latencyLatitude, longitude: w.latencyLongitude, maxMs: w.maxLatencyMs }
          : null,
    },
  }));

  const networkOf = new Map(workloads.map((w) => [w.id, w.networkId]));
  const networkReplicas = new Map<string, number>();
  for (const [workloadId, list] of replicas) {
    const networkId = networkOf.get(workloadId);
    if (!networkId) continue;
    for (const r of list)
      networkReplicas.set(
        `${r.clusterId ?? ""}|${networkId}`,
        (networkReplicas.get(`${r.clusterId ?? ""}|${networkId}`) ?? 0) + 1,
      );
  }
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const ledger: LedgerWindow[] = ledgerRows.map((r) => ({
    clusterId: r.clusterId,
    networkId: r.networkId,
    usd: r.usd,
    days: Math.round((todayMs - r.firstDay.getTime()) / DAY_MS) + 1,
  }));
  const revenue = estimateRevenue({
    clusters: placementClusters,
    workloads: workloads.map((w) => ({ id: w.id, subject: subjectOf(w), networkId: w.networkId })),
    ledger,
    networkReplicas,
    rates: rates.map((r) => ({ subject: r.subject, region: r.region, usd: r.monthlyUsdPerReplica.toNumber() })),
    rateOverrides: whatIf.rewardRates,
  });

  return {
    input: { clusters: placementClusters, workloads: placementWorkloads, revenue, options: options.placement ?? {} },
    context: {
      clusters: contextClusters,
      guests: contextGuests,
      workloads: workloads.map((w) => ({
        id: w.id,
        name: w.name,
        subject: subjectOf(w),
        networkId: w.networkId,
        service: w.service,
        tag: w.tag,
        desiredReplicas: w.replicas,
        currentReplicas: replicas.get(w.id)?.length ?? 0,
      })),
      networks,
      warnings,
      whatIf,
    },
  };
}
