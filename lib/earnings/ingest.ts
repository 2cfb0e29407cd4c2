// Writing validated entries: one statement per batch that inserts the new entries (priced when a
// price for their day exists), skips those already in the ledger, and adds exactly the inserted
// ones to the daily and monthly rollups. The unique (source, dedupeKey) index is what makes it idempotent under
// concurrency: of two transactions inserting the same key, the second waits for the first to
// commit and then skips it, so the entry and its rollup contribution count once.
import type { Tx } from "@/lib/db";
import type { NormalizedEntry, ValidationContext } from "./validate";

// Ingest batches take this lock shared, price imports exclusively: a price committed while a batch
// was reading prices would otherwise miss the batch's entries, leaving them unpriced for good.
export const PRICING_LOCK_KEY = 6_000_601;

export interface BatchResult {
  imported: number;
  duplicates: number;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Cluster and network lookups for validation, loaded once per import or API call. */
export async function loadValidationContext(tx: Tx, defaultSource: string): Promise<ValidationContext> {
  const [clusters, networks] = await Promise.all([
    tx.cluster.findMany({ select: { id: true, name: true } }),
    tx.earningsNetwork.findMany({ select: { id: true, name: true, defaultSymbol: true } }),
  ]);
  const clusterMap = new Map<string, string>();
  for (const c of clusters) {
    clusterMap.set(c.id.toLowerCase(), c.id);
    clusterMap.set(c.name.toLowerCase(), c.id);
  }
  const networkMap = new Map<string, { id: string; defaultSymbol: string }>();
  for (const n of networks) {
    const value = { id: n.id, defaultSymbol: n.defaultSymbol };
    networkMap.set(n.id.toLowerCase(), value);
    networkMap.set(n.name.toLowerCase(), value);
  }
  return { clusters: clusterMap, networks: networkMap, latestDay: todayUtc(), defaultSource };
}

/**
 * Inserts a batch inside the caller's transaction. Entries repeated within the batch are counted
 * as duplicates before the database sees them; the rest are sorted by key so concurrent batches
 * take their row locks in the same order and cannot deadlock.
 */
export async function insertBatch(tx: Tx, entries: readonly NormalizedEntry[], importId: string | null): Promise<BatchResult> {
  const unique = new Map<string, NormalizedEntry>();
  for (const e of entries) {
    const key = `${e.source}\u0000${e.dedupeKey}`;
    if (!unique.has(key)) unique.set(key, e);
  }
  const rows = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  if (rows.length === 0) return { imported: 0, duplicates: entries.length };
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${PRICING_LOCK_KEY})`;

  const inserted = await tx.$queryRaw<Array<{ inserted: number }>>`
    WITH input AS (
      SELECT * FROM unnest(
        ${rows.map((r) => r.clusterId)}::uuid[], ${rows.map((r) => r.networkId)}::text[], ${rows.map((r) => r.workload)}::text[],
        ${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.amount)}::numeric[], ${rows.map((r) => r.symbol)}::text[],
        ${rows.map((r) => r.source)}::text[], ${rows.map((r) => r.externalId)}::text[], ${rows.map((r) => r.dedupeKey)}::text[]
      ) WITH ORDINALITY AS t(cluster_id, network_id, workload, day, amount, symbol, source, external_id, dedupe_key, ord)
    ), ins AS (
      INSERT INTO "RevenueEntry" ("clusterId", "networkId", "workload", "day", "tokenAmount", "tokenSymbol", "amountUsd", "source", "externalId", "dedupeKey", "importId")
      SELECT i.cluster_id, i.network_id, i.workload, i.day, i.amount, i.symbol,
             CASE WHEN i.symbol = 'USD' THEN i.amount ELSE round(i.amount * p.usd, 6) END,
             i.source, i.external_id, i.dedupe_key, ${importId}::uuid
      FROM input i LEFT JOIN "TokenPrice" p ON p.symbol = i.symbol AND p.day = i.day
      ORDER BY i.ord
      ON CONFLICT ("source", "dedupeKey") DO NOTHING
      RETURNING "clusterId", "networkId", "day", "amountUsd"
    ), agg AS (
      SELECT "clusterId", "networkId", "day", count(*)::int AS n, coalesce(sum("amountUsd"), 0) AS usd,
             count(*) FILTER (WHERE "amountUsd" IS NULL)::int AS unpriced
      FROM ins GROUP BY 1, 2, 3
    ), rolled AS (
      INSERT INTO "RevenueDaily" ("clusterId", "networkId", "day", "entries", "revenueUsd", "unpricedEntries")
      SELECT "clusterId", "networkId", "day", n, usd, unpriced FROM agg ORDER BY 1, 2, 3
      ON CONFLICT ("clusterId", "networkId", "day") DO UPDATE SET
        "entries" = "RevenueDaily"."entries" + EXCLUDED."entries",
        "revenueUsd" = "RevenueDaily"."revenueUsd" + EXCLUDED."revenueUsd",
        "unpricedEntries" = "RevenueDaily"."unpricedEntries" + EXCLUDED."unpricedEntries"
      RETURNING 1
    ), monthly AS (
      INSERT INTO "RevenueMonthly" ("clusterId", "networkId", "month", "entries", "revenueUsd", "unpricedEntries")
      SELECT "clusterId", "networkId", ("day" - (extract(day FROM "day")::int - 1)) AS month, sum(n), sum(usd), sum(unpriced)
      FROM agg GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT ("clusterId", "networkId", "month") DO UPDATE SET
        "entries" = "RevenueMonthly"."entries" + EXCLUDED."entries",
        "revenueUsd" = "RevenueMonthly"."revenueUsd" + EXCLUDED."revenueUsd",
        "unpricedEntries" = "RevenueMonthly"."unpricedEntries" + EXCLUDED."unpricedEntries"
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM rolled)::int AS rolled, (SELECT count(*) FROM monthly)::int AS monthly`;
  const imported = inserted[0]?.inserted ?? 0;
  return { imported, duplicates: entries.length - imported };
}
