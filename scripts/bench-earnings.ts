// npm run bench:earnings [-- --clusters 100 --per-day 23 --ingest 100000]: the earnings page at
// scale. Loads clusters × 6 networks × 12 months of days × per-day entries (5 million by default) and their
// rollups in bulk SQL into a scratch database, then times all the page's queries for 12 months
// (they read rollups) against the same aggregation over the raw entries, and the ingest rate of
// the API path (validation, idempotent insert, rollups, audit) in batches of 10,000.
// The last line printed is one JSON object.
import { parseArgs } from "node:util";
import { openScratchEnvironment } from "./lib/scratch-database";

const { values } = parseArgs({ options: { clusters: { type: "string" }, "per-day": { type: "string" }, ingest: { type: "string" }, runs: { type: "string" } } });
const CLUSTERS = Number(values.clusters ?? 100);
const PER_DAY = Number(values["per-day"] ?? 23);
const INGEST = Number(values.ingest ?? 100_000);
const RUNS = Number(values.runs ?? 15);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const scratch = await openScratchEnvironment("sovereign_bench_earn", ".data/pg-bench-earnings");
  const { db } = await import("@/lib/db");
  const { getEarningsReport } = await import("@/lib/earnings/queries");
  const { electricityByClusterMonth } = await import("@/lib/earnings/electricity");
  const { ingestApiBatch } = await import("@/lib/earnings/api-ingest");
  const { newApiKey } = await import("@/lib/earnings/api-keys");
  try {
    // The last 12 whole months (the ledger holds exactly those 365-ish days).
    const now = new Date();
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1)).toISOString().slice(0, 10);

    await db.$executeRaw`
      INSERT INTO "Cluster" ("id", "name", "apiUrl", "tokenId", "tokenSecretCiphertext", "tokenSecretIv", "tokenSecretTag", "tokenSecretKeyId", "fingerprint",
        "siteName", "role", "tier", "latitude", "longitude", "country", "electricityPricePerKwh", "currency", "wattsPerNode", "updatedAt")
      SELECT gen_random_uuid(), 'bench-' || i, 'https://127.0.0.1:1', 'b@pve!b', 'x', 'x', 'x', 'b', 'AA', 'site ' || i, 'edge', 1 + i % 3, 0, 0, 'FR', 0.2, 'USD', 250, now()
      FROM generate_series(1, ${CLUSTERS}) AS i`;
    await db.$executeRaw`INSERT INTO "ClusterNode" ("id", "clusterId", "name", "status", "updatedAt") SELECT gen_random_uuid(), c."id", 'pve1', 'online', now() FROM "Cluster" c`;
    await db.$executeRaw`
      INSERT INTO "TokenPrice" ("symbol", "day", "usd")
      SELECT n."defaultSymbol", d::date, 1 + random() FROM "EarningsNetwork" n, generate_series(${from}::date, ${to}::date, interval '1 day') d WHERE n."defaultSymbol" <> 'USD'`;

    const loadStart = performance.now();
    const clusters = await db.cluster.findMany({ select: { id: true } });
    for (const [i, c] of clusters.entries()) {
      await db.$executeRaw`
        INSERT INTO "RevenueEntry" ("clusterId", "networkId", "day", "tokenAmount", "tokenSymbol", "amountUsd", "source", "externalId", "dedupeKey")
        SELECT ${c.id}::uuid, n."id", d::date, a.amount, n."defaultSymbol", round(a.amount * COALESCE(p."usd", 1), 6), 'bench', NULL, 'h:' || md5(${c.id} || n."id" || d::text || k::text)
        FROM "EarningsNetwork" n
        CROSS JOIN generate_series(${from}::date, ${to}::date, interval '1 day') d
        CROSS JOIN generate_series(1, ${PER_DAY}) k
        CROSS JOIN LATERAL (SELECT round((random() * 5)::numeric, 6) + 0.000001 AS amount) a
        LEFT JOIN "TokenPrice" p ON p."symbol" = n."defaultSymbol" AND p."day" = d::date`;
      if ((i + 1) % 10 === 0) console.log(`loaded ${i + 1}/${clusters.length} clusters`);
    }
    await db.$executeRaw`
      INSERT INTO "RevenueDaily" ("clusterId", "networkId", "day", "entries", "revenueUsd", "unpricedEntries")
      SELECT "clusterId", "networkId", "day", count(*), coalesce(sum("amountUsd"), 0), count(*) FILTER (WHERE "amountUsd" IS NULL)
      FROM "RevenueEntry" GROUP BY 1, 2, 3`;
    await db.$executeRaw`
      INSERT INTO "RevenueMonthly" ("clusterId", "networkId", "month", "entries", "revenueUsd", "unpricedEntries")
      SELECT "clusterId", "networkId", date_trunc('month', "day")::date, sum("entries"), sum("revenueUsd"), sum("unpricedEntries")
      FROM "RevenueDaily" GROUP BY 1, 2, 3`;
    await db.$executeRawUnsafe(`VACUUM ANALYZE`);
    const entries = await db.revenueEntry.count();
    console.log(`loaded ${entries} entries in ${round((performance.now() - loadStart) / 1000)} s`);

    const filter = { from, to, clusterIds: [], networkIds: [], granularity: "month" as const };
    const page: number[] = [];
    for (let r = 0; r < RUNS + 2; r++) {
      const t = performance.now();
      await getEarningsReport(filter);
      if (r >= 2) page.push(performance.now() - t);
    }
    const power: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      await electricityByClusterMonth(from, to, []);
      power.push(performance.now() - t);
    }
    console.log(`electricity query alone: median ${round(median(power))} ms`);
    // The same numbers from the raw entries: what the page would cost without rollups.
    const raw: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      await Promise.all([
        db.$queryRaw`SELECT date_trunc('month', "day") AS b, "networkId", sum("amountUsd")::float8 FROM "RevenueEntry" WHERE "day" BETWEEN ${from}::date AND ${to}::date GROUP BY 1, 2`,
        db.$queryRaw`SELECT date_trunc('month', "day") AS m, "clusterId", "networkId", sum("amountUsd")::float8, count(*), count(*) FILTER (WHERE "amountUsd" IS NULL) FROM "RevenueEntry" WHERE "day" BETWEEN ${from}::date AND ${to}::date GROUP BY 1, 2, 3`,
      ]);
      raw.push(performance.now() - t);
    }

    const { key, hash, prefix } = newApiKey();
    await db.apiKey.create({ data: { name: "bench", hash, prefix, scopes: ["revenue:write"] } });
    const names = (await db.cluster.findMany({ select: { name: true } })).map((c) => c.name);
    const networks = ["helium", "filecoin", "render", "iotex", "akash", "federation-rewards"];
    let sent = 0;
    let imported = 0;
    const ingestStart = performance.now();
    for (let b = 0; sent < INGEST; b++) {
      const size = Math.min(10_000, INGEST - sent);
      const batch = Array.from({ length: size }, (_, i) => ({ cluster: names[(sent + i) % names.length], network: networks[(sent + i) % 6], date: to, amount: "1.5", external_id: `ingest-${b}-${i}` }));
      const response = await ingestApiBatch(`Bearer ${key}`, { entries: batch });
      if (response.status !== 200) throw new Error(`ingest refused: ${JSON.stringify(response.body)}`);
      imported += response.body.imported;
      sent += size;
    }
    const ingestSeconds = (performance.now() - ingestStart) / 1000;

    console.log(`page queries (12 months, rollups): median ${round(median(page))} ms over ${RUNS} runs; raw scan: median ${round(median(raw))} ms; ingest: ${imported} entries in ${round(ingestSeconds)} s`);
    console.log(JSON.stringify({ entries, clusters: CLUSTERS, page_queries_median_ms: round(median(page)), raw_scan_median_ms: round(median(raw)), ingest_entries_per_s: Math.round(imported / ingestSeconds), ingest_batch: 10_000 }));
  } finally {
    await db.$disconnect();
    await scratch.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
