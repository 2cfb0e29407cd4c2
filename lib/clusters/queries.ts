// Registry reads for pages. Each names the columns its page shows; the encrypted token columns
// are left out of every query by lib/db.ts's omit.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { clusterEndpointSelect, clusterSiteSelect } from "./selects";

export const registryListSelect = {
  id: true,
  name: true,
  apiUrl: true,
  tokenId: true,
  enabled: true,
  health: true,
  fingerprint: true,
  trustMode: true,
  pendingFingerprint: true,
  pendingFingerprintSeenAt: true,
  syncIntervalSeconds: true,
  lastSyncAt: true,
  lastAttemptAt: true,
  lastErrorAt: true,
  lastErrorKind: true,
  lastErrorMessage: true,
  consecutiveFailures: true,
  pveClusterName: true,
  pveVersion: true,
  siteName: true,
  role: true,
  tier: true,
  country: true,
  _count: { select: { nodes: true, guests: true } },
} as const satisfies Prisma.ClusterSelect;

export const clusterEditSelect = {
  ...clusterEndpointSelect,
  // The id only: lib/db.ts leaves the migration token's secret out.
  migrationTokenId: true,
  pendingFingerprintSeenAt: true,
  enabled: true,
  syncIntervalSeconds: true,
  ...clusterSiteSelect,
  powerGrid: true,
  isp: true,
  electricityPricePerKwh: true,
  currency: true,
  wattsPerNode: true,
  wattsPerVcpu: true,
  wattsPerGpu: true,
  gpuCount: true,
  latencyBaseMs: true,
  maintenance: true,
} as const satisfies Prisma.ClusterSelect;

export type RegistryRow = Prisma.ClusterGetPayload<{ select: typeof registryListSelect }>;

export function listRegistry(): Promise<RegistryRow[]> {
  return db.cluster.findMany({ where: { archivedAt: null }, select: registryListSelect, orderBy: { name: "asc" } });
}

/** Removed clusters, kept for earnings and audit until an admin purges them. */
export function listArchivedClusters() {
  return db.cluster.findMany({
    where: { archivedAt: { not: null } },
    select: {
      id: true,
      name: true,
      siteName: true,
      country: true,
      archivedAt: true,
      _count: { select: { revenueDaily: true, electricityCost: true, history: true } },
    },
    orderBy: { archivedAt: "desc" },
  });
}

export type ArchivedClusterRow = Awaited<ReturnType<typeof listArchivedClusters>>[number];

/** For the edit form: Decimal becomes a number (client components take plain values). */
export async function getClusterForEdit(clusterId: string) {
  const row = await db.cluster.findUnique({ where: { id: clusterId, archivedAt: null }, select: clusterEditSelect });
  if (!row) return null;
  return { ...row, electricityPricePerKwh: row.electricityPricePerKwh.toNumber() };
}

export type ClusterForEdit = NonNullable<Awaited<ReturnType<typeof getClusterForEdit>>>;
