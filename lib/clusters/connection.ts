// The one way server code talks to a registered cluster: loads its URL, token and pinned
// fingerprint, decrypts the secret and returns a client. Sync and guest actions both use it.
// The decrypted secret lives only inside the returned client (a private field, redacted from
// its errors, its JSON and its inspection). No "server-only" marker: the worker and tests run it
// outside Next.
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { ProxmoxClient, type ProxmoxClientOptions } from "@/lib/proxmox";
import { decryptSecret, encryptedSecretSelect } from "./secrets";
import { clusterEndpointSelect } from "./selects";

export const connectionSelect = {
  ...clusterEndpointSelect,
  enabled: true,
  ...encryptedSecretSelect,
} as const;

export interface ClusterConnection {
  id: string;
  name: string;
  enabled: boolean;
  /** Set when the certificate changed and an admin has not yet accepted it. */
  pendingFingerprint: string | null;
  client: ProxmoxClient;
}

export type ClientTuning = Omit<ProxmoxClientOptions, "url" | "token" | "fingerprint" | "trustedCa">;

/**
 * The pin a client gets: the fingerprint for a pinned cluster (nothing else passes), none for a
 * CA-verified one (then only a certificate valid for the host under the system CAs passes).
 */
export function pinOf(row: { trustMode: "pinned" | "ca"; fingerprint: string }): string | undefined {
  return row.trustMode === "pinned" ? row.fingerprint : undefined;
}

/** Null when the cluster does not exist. Close the client (`client.close()`) when done. */
export async function openClusterClient(
  clusterId: string,
  tuning: ClientTuning = {},
  from: Tx = db,
): Promise<ClusterConnection | null> {
  const row = await from.cluster.findUnique({ where: { id: clusterId }, select: connectionSelect });
  if (!row) return null;
  const client = new ProxmoxClient({
    ...tuning,
    url: row.apiUrl,
    token: { id: row.tokenId, secret: decryptSecret(row.id, row) },
    fingerprint: pinOf(row),
  });
  return { id: row.id, name: row.name, enabled: row.enabled, pendingFingerprint: row.pendingFingerprint, client };
}

interface CachedClient {
  key: string;
  client: ProxmoxClient;
}

const globalForClients = globalThis as unknown as { sovereignClusterClients?: Map<string, CachedClient> };
const cache: Map<string, CachedClient> = (globalForClients.sovereignClusterClients ??= new Map());

export type ConnectionRow = Prisma.ClusterGetPayload<{ select: typeof connectionSelect }>;

/**
 * Like openClusterClient, for a row the caller already read with (at least) `connectionSelect`,
 * but keeps one client per cluster for the life of the process: its TLS context and its
 * keep-alive connections carry over (a connection idles out after 4 s, so it serves one sync's
 * reads and syncs in quick succession, not the next 15 s interval). A changed URL, token,
 * fingerprint or tuning replaces the client. Do not close the returned client.
 */
export function cachedClientFor(row: ConnectionRow, tuning: ClientTuning = {}): ClusterConnection {
  const key = JSON.stringify([
    row.apiUrl,
    row.tokenId,
    row.fingerprint,
    row.trustMode,
    row.tokenSecretKeyId,
    row.tokenSecretCiphertext,
    tuning,
  ]);
  let entry = cache.get(row.id);
  if (entry?.key !== key) {
    entry?.client.close();
    entry = {
      key,
      client: new ProxmoxClient({
        ...tuning,
        url: row.apiUrl,
        token: { id: row.tokenId, secret: decryptSecret(row.id, row) },
        fingerprint: pinOf(row),
      }),
    };
    cache.set(row.id, entry);
  }
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    pendingFingerprint: row.pendingFingerprint,
    client: entry.client,
  };
}

/** Closes and forgets a cached client (after a failure that may have left bad connections). */
export function dropCachedClient(clusterId: string): void {
  cache.get(clusterId)?.client.close();
  cache.delete(clusterId);
}

export function closeCachedClients(): void {
  for (const entry of cache.values()) entry.client.close();
  cache.clear();
}
