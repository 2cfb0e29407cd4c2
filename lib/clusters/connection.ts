// The one way server code talks to a registered cluster: loads its URL, token and pinned
// fingerprint, decrypts the secret and returns a client. Sync and guest actions both use it.
// The decrypted secret lives only inside the returned client (a private field, redacted from
// its errors, its JSON and its inspection). No "server-only" marker: the worker and tests run it
// outside Next.
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { ProxmoxClient, type ProxmoxClientOptions } from "@/lib/proxmox";
import { decryptSecret, encryptedSecretSelect } from "./secrets";

export const connectionSelect = {
  id: true,
  name: true,
  apiUrl: true,
  tokenId: true,
  fingerprint: true,
  pendingFingerprint: true,
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

export type ClientTuning = Omit<ProxmoxClientOptions, "url" | "token" | "fingerprint">;

/** Null when the cluster does not exist. Close the client (`client.close()`) when done. */
export async function openClusterClient(clusterId: string, tuning: ClientTuning = {}, from: Tx = db): Promise<ClusterConnection | null> {
  const row = await from.cluster.findUnique({ where: { id: clusterId }, select: connectionSelect });
  if (!row) return null;
  const client = new ProxmoxClient({
    ...tuning,
    url: row.apiUrl,
    token: { id: row.tokenId, secret: decryptSecret(row.id, row) },
    fingerprint: row.fingerprint,
  });
  return { id: row.id, name: row.name, enabled: row.enabled, pendingFingerprint: row.pendingFingerprint, client };
}
