import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { ImportRecord } from "./import-history";

const problemsSchema = z.array(z.object({ line: z.number(), column: z.string(), reason: z.string() }));

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
  return db.apiKey.findMany({
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, revokedAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function listNetworks() {
  return db.earningsNetwork.findMany({
    select: { id: true, name: true, defaultSymbol: true },
    orderBy: { name: "asc" },
  });
}

/** The latest CSV uploads with their summary and where a stopped one can resume (newest first). */
export async function listRecentImports(limit = 10): Promise<ImportRecord[]> {
  const rows = await db.earningsImport.findMany({
    where: { kind: "csv" },
    orderBy: { startedAt: "desc" },
    take: limit,
    select: {
      id: true,
      status: true,
      fileName: true,
      actorLabel: true,
      rowsRead: true,
      imported: true,
      duplicates: true,
      rejected: true,
      lastCommittedLine: true,
      startedAt: true,
      finishedAt: true,
      errors: true,
    },
  });
  return rows.map(({ errors, ...row }) => {
    const problems = problemsSchema.safeParse(errors);
    return { ...row, problems: problems.success ? problems.data : [] };
  });
}
