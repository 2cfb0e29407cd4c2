import "server-only";
// The map page's one read: every registered site with its health, nodes and guest counts, and
// the mesh links. Reads Postgres only; sync keeps it current.
import { clusterSiteSelect } from "@/lib/clusters/selects";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { withLinks } from "./links";
import { siteHealth } from "./site-health";
import type { MapData, MapSite } from "./types";

export async function getFederationMap(now = new Date()): Promise<MapData> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [clusters, guestCounts, mesh, revenue] = await Promise.all([
    db.cluster.findMany({
      where: { archivedAt: null },
      orderBy: { siteName: "asc" },
      // Explicit select: only what the map draws (the token columns are omitted by lib/db.ts anyway).
      select: {
        id: true,
        name: true,
        ...clusterSiteSelect,
        powerGrid: true,
        isp: true,
        health: true,
        lastSyncAt: true,
        syncIntervalSeconds: true,
        nodes: { select: { name: true, status: true, maxmem: true }, orderBy: { name: "asc" } },
      },
    }),
    db.guest.groupBy({ by: ["clusterId", "status"], where: { template: false }, _count: { _all: true } }),
    db.meshLink.findMany({ select: { id: true, clusterAId: true, clusterBId: true, measuredLatencyMs: true } }),
    db.revenueDaily.groupBy({
      by: ["clusterId"],
      where: { day: { gte: monthStart } },
      _sum: { revenueUsd: true, unpricedEntries: true },
    }),
  ]);
  const revenueByCluster = new Map(
    revenue.map((r) => [
      r.clusterId,
      { usd: Number(r._sum.revenueUsd ?? 0), unpricedEntries: r._sum.unpricedEntries ?? 0 },
    ]),
  );

  const guests = new Map<string, { total: number; running: number }>();
  for (const row of guestCounts) {
    const entry = guests.get(row.clusterId) ?? { total: 0, running: 0 };
    entry.total += row._count._all;
    if (row.status === "running") entry.running += row._count._all;
    guests.set(row.clusterId, entry);
  }

  const defaultInterval = env().SYNC_INTERVAL_SECONDS;
  const sites = clusters.map((c): MapSite => ({
    id: c.id,
    clusterName: c.name,
    siteName: c.siteName,
    role: c.role,
    tier: c.tier,
    lat: c.latitude,
    lon: c.longitude,
    country: c.country,
    region: c.region,
    powerGrid: c.powerGrid,
    isp: c.isp,
    health: siteHealth({
      health: c.health,
      lastSyncAt: c.lastSyncAt,
      syncIntervalSeconds: c.syncIntervalSeconds ?? defaultInterval,
      now,
    }),
    lastSyncAt: c.lastSyncAt?.toISOString() ?? null,
    nodes: c.nodes.map((n) => ({ name: n.name, online: n.status === "online", memoryBytes: n.maxmem })),
    guests: guests.get(c.id) ?? { total: 0, running: 0 },
    revenueThisMonth: revenueByCluster.get(c.id) ?? null,
  }));
  return withLinks(sites, mesh);
}
