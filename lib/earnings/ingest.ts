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

/** The cluster a form's "cluster" field names (id or name, any case), for the cluster-scope check. */
export async function namedClusters(tx: Tx, text: string): Promise<string[]> {
  const { clusters } = await loadValidationContext(tx, "manual");
  const id = clusters.get(text.trim().toLowerCase());
  return id ? [id] : [];
}

/** Short lists of the distinct values a batch repeats (10,000 entries name a few clusters). */
class Indexer {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  /** The value's 1-based position (SQL arrays start at 1). */
  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

/**
 * Inserts a batch inside the caller's transaction, in one statement that also adds exactly the
 * inserted entries to the daily and monthly rollups. The rows travel as one compact JSON
 * parameter (cluster, network, symbol and source as positions in short lists): the database
 * client's per-element work on nine 10,000-element array parameters cost more than the insert.
 * An entry repeated within the batch is skipped by the same ON CONFLICT as one already in the
 * ledger (DO NOTHING treats a row this statement inserted as a conflict). Rows go in in key order
 * so concurrent batches take their locks in the same order and cannot deadlock.
 */
export async function insertBatch(
  tx: Tx,
  entries: readonly NormalizedEntry[],
  importId: string | null,
): Promise<BatchResult> {
  if (entries.length === 0) return { imported: 0, duplicates: 0 };
  const clusters = new Indexer();
  const networks = new Indexer();
  const symbols = new Indexer();
  const sources = new Indexer();
  // Sorted here, on plain code-unit order, rather than by the statement: the same order for every
  // batch is all that matters, and sorting text in the database cost more.
  const sorted = [...entries].sort((a, b) =>
    a.source !== b.source
      ? a.source < b.source
        ? -1
        : 1
      : a.dedupeKey < b.dedupeKey
        ? -1
        : a.dedupeKey > b.dedupeKey
          ? 1
          : 0,
  );
  const rows = sorted.map((e) => [
    clusters.of(e.clusterId),
    networks.of(e.networkId),
    symbols.of(e.symbol),
    sources.of(e.source),
    e.day,
    e.amount,
    e.workload,
    e.externalId,
    // The key is "x:" + the external id when there is one; only content hashes need sending.
    e.externalId !== null && e.dedupeKey === `x:${e.externalId}` ? null : e.dedupeKey,
  ]);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${PRICING_LOCK_KEY})`;

  const inserted = await tx.$queryRaw<Array<{ inserted: number }>>`
    WITH input AS (
      SELECT (${clusters.values}::uuid[])[(r->>0)::int] AS cluster_id, (${networks.values}::text[])[(r->>1)::int] AS network_id,
             (${symbols.values}::text[])[(r->>2)::int] AS symbol, (${sources.values}::text[])[(r->>3)::int] AS source,
             (r->>4)::date AS day, (r->>5)::numeric AS amount, r->>6 AS workload, r->>7 AS external_id,
             coalesce(r->>8, 'x:' || (r->>7)) AS dedupe_key, ord
      FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS t(r, ord)
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
