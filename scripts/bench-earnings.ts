// npm run bench:earnings [-- --clusters 100 --per-day 23 --ingest 100000]: the earnings page at
// scale. Loads clusters × 6 networks × 12 months of days × per-day entries (5 million by default) and their
// rollups in bulk SQL into a scratch database, then times all the page's queries for 12 months
// (they read rollups) against the same aggregation over the raw entries, and the ingest rate
// through the API: the production build serves POST /api/v1/revenue and the bench sends it
// batches of 10,000 entries over HTTP with an API key, one request after another, waiting for
// each answer (validation, idempotent insert, rollups, audit, all in the app's process); then as
// many again from two clients at once, for comparison.
// The last line printed is one JSON object. On a shared 2-core machine the figures move with its
// load: the load average is printed beside them.
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { runCommand } from "./lib/command";
import { buildIfStale, serveApp, stopChild, waitForHealth } from "./lib/next-app";
import { openScratchEnvironment } from "./lib/scratch-database";
import { median, round } from "./lib/stats";

const { values } = parseArgs({
  options: {
    clusters: { type: "string" },
    "per-day": { type: "string" },
    ingest: { type: "string" },
    runs: { type: "string" },
  },
});
const CLUSTERS = Number(values.clusters ?? 100);
const PER_DAY = Number(values["per-day"] ?? 23);
const INGEST = Number(values.ingest ?? 100_000);
const RUNS = Number(values.runs ?? 15);
const BATCH = 10_000;
const DIST_DIR = ".next-bench-earnings";
const PORT = Number(process.env.BENCH_PORT ?? 3172);

async function main(): Promise<void> {
  const scratch = await openScratchEnvironment("sovereign_bench_earn", ".data/pg-bench-earnings");
  const { db } = await import("@/lib/db");
  const { getEarningsReport } = await import("@/lib/earnings/queries");
  const { electricityByClusterMonth } = await import("@/lib/earnings/electricity");
  const { newApiKey } = await import("@/lib/earnings/api-keys");
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const env = {
    DATABASE_URL: scratch.url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    SOVEREIGN_SECRET_KEY: process.env.SOVEREIGN_SECRET_KEY ?? "",
    APP_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
  };
  try {
    // Built first, so a build that fails does so before minutes of loading.
    await buildIfStale(env, DIST_DIR);
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
    // The bulk load's dirty pages are written now, not during the timings below.
    await db.$executeRawUnsafe(`CHECKPOINT`);
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
    // New entries for the last week of the period, spread over clusters and networks as a
    // collector's daily push would be. Bodies are serialised before the clock starts: the client's
    // JSON.stringify is not the API's work.
    const lastWeek = Array.from({ length: 7 }, (_, d) =>
      new Date(Date.parse(`${to}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10),
    );
    const body = (from: number, size: number, prefix: string) =>
      JSON.stringify({
        entries: Array.from({ length: size }, (_, i) => {
          const n = from + i;
          return {
            cluster: names[n % names.length],
            network: networks[n % 6],
            date: lastWeek[Math.floor(n / 7) % 7],
            amount: (1 + (n % 997) / 100).toFixed(2),
            external_id: `${prefix}-${n}`,
          };
        }),
      });
    const bodies: string[] = [];
    for (let sent = 0; sent < INGEST; sent += BATCH) bodies.push(body(sent, Math.min(BATCH, INGEST - sent), "ingest"));
    // The same again from two clients at once (their batches interleave), for comparison.
    const pairs: string[][] = [[], []];
    for (let sent = 0; sent < INGEST; sent += BATCH)
      pairs[(sent / BATCH) % 2]?.push(body(INGEST + sent, Math.min(BATCH, INGEST - sent), "ingest"));
    // Two batches first, not counted: a server that has just started compiles the route and
    // the validation code on its first requests, which a long-running one has long done.
    const warmUp = [body(0, BATCH, "warm-up"), body(BATCH, BATCH, "warm-up")];

    const app = serveApp({ port: PORT, hostname: "127.0.0.1", env, distDir: DIST_DIR });
    let imported = 0;
    let ingestSeconds: number;
    let pairSeconds: number;
    let pairImported = 0;
    // Each batch's round trip too: on a shared machine a neighbour's burst shows as a few slow
    // batches, which the median sees past and the total does not.
    const batchMs: number[] = [];
    const post = async (body: string) => {
      const response = await fetch(`${baseUrl}/api/v1/revenue`, {
        method: "POST",
        body,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      });
      const answer: unknown = await response.json();
      if (
        response.status !== 200 ||
        typeof answer !== "object" ||
        answer === null ||
        !("imported" in answer) ||
        typeof answer.imported !== "number"
      )
        throw new Error(`ingest refused (${response.status}): ${JSON.stringify(answer).slice(0, 300)}`);
      return answer.imported;
    };
    try {
      await waitForHealth(baseUrl, app);
      for (const b of warmUp) await post(b);
      const ingestStart = performance.now();
      for (const b of bodies) {
        const sentAt = performance.now();
        imported += await post(b);
        batchMs.push(performance.now() - sentAt);
      }
      ingestSeconds = (performance.now() - ingestStart) / 1000;
      const pairStart = performance.now();
      const twoClients = await Promise.all(
        pairs.map(async (list) => {
          let n = 0;
          for (const b of list) n += await post(b);
          return n;
        }),
      );
      pairSeconds = (performance.now() - pairStart) / 1000;
      pairImported = twoClients.reduce((a, b) => a + b, 0);
    } finally {
      await stopChild(app);
    }
    if (imported !== INGEST || pairImported !== INGEST)
      throw new Error(`sent ${INGEST} new entries twice, the API imported ${imported} and ${pairImported}`);

    const load = loadavg().map((l) => round(l));
    console.log(
      `page queries (12 months, rollups): median ${round(median(page))} ms over ${RUNS} runs; raw scan: median ${round(median(raw))} ms; ingest over HTTP: ${imported} entries in ${round(ingestSeconds)} s from one client (batches ${batchMs.map((ms) => Math.round(ms)).join(", ")} ms), ${pairImported} in ${round(pairSeconds)} s from two; load average ${load.join(", ")}`,
    );
    console.log(
      JSON.stringify({
        entries,
        clusters: CLUSTERS,
        page_queries_median_ms: round(median(page)),
        raw_scan_median_ms: round(median(raw)),
        ingest_entries_per_s: Math.round(imported / ingestSeconds),
        ingest_entries_per_s_two_clients: Math.round(pairImported / pairSeconds),
        ingest_batch: BATCH,
        ingest_batch_median_ms: round(median(batchMs)),
        ingest_via: "http",
        load_average_1m: load[0],
      }),
    );
  } finally {
    await db.$disconnect();
    await scratch.close();
  }
}

runCommand(async () => {
  await main();
  return 0;
});
