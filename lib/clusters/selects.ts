// Column groups that several reads of a cluster row name together. The encrypted token columns
// are in none of them (lib/clusters/secrets.ts adds them where a client is opened).
import type { Prisma } from "@/generated/prisma/client";

/** Where and how to reach the cluster's API, and which certificate it must present. */
export const clusterEndpointSelect = {
  id: true,
  name: true,
  apiUrl: true,
  tokenId: true,
  fingerprint: true,
  trustMode: true,
  pendingFingerprint: true,
} as const satisfies Prisma.ClusterSelect;

/** The site a cluster stands for: its role in the federation and where it is. */
export const clusterSiteSelect = {
  siteName: true,
  role: true,
  tier: true,
  latitude: true,
  longitude: true,
  country: true,
  region: true,
} as const satisfies Prisma.ClusterSelect;
