import "server-only";
import { db } from "@/lib/db";

/** Clusters and networks for the import forms. */
export async function listImportOptions() {
  const [clusters, networks] = await Promise.all([
    db.cluster.findMany({ select: { id: true, name: true, currency: true }, orderBy: { name: "asc" } }),
    db.earningsNetwork.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { clusters, networks };
}

/** API keys for the admin page: never the hash. */
export async function listApiKeys() {
  return db.apiKey.findMany({ select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, revokedAt: true, lastUsedAt: true }, orderBy: { createdAt: "desc" } });
}

export async function listNetworks() {
  return db.earningsNetwork.findMany({ select: { id: true, name: true, defaultSymbol: true }, orderBy: { name: "asc" } });
}
