// The cluster columns the state pages show (a client component's props carry only these). The
// encrypted token columns are left out of every query by lib/db.ts's omit.
import type { Prisma } from "@/generated/prisma/client";

export const clusterPublicSelect = {
  id: true,
  name: true,
  apiUrl: true,
  enabled: true,
  health: true,
  lastSyncAt: true,
  lastAttemptAt: true,
  lastErrorAt: true,
  lastErrorKind: true,
  lastErrorMessage: true,
  pendingFingerprint: true,
  // How the certificate is trusted (pinned or CA-verified): the cluster page says which.
  trustMode: true,
  fingerprint: true,
  syncIntervalSeconds: true,
  pveClusterName: true,
  pveVersion: true,
  quorate: true,
  haQuorate: true,
  haMasterNode: true,
  siteName: true,
  role: true,
  tier: true,
  country: true,
  region: true,
} as const satisfies Prisma.ClusterSelect;

export type ClusterPublic = Prisma.ClusterGetPayload<{ select: typeof clusterPublicSelect }>;
