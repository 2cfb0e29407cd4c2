import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { purgeClusterRows } from "@/lib/clusters/archive";
import { db } from "@/lib/db";
import { insertBatch } from "./ingest";
import { applyPrices } from "./prices";
import { importPricesCsv } from "./prices-import";
import { getEarningsReport } from "./queries";
import { buildView } from "./report";
import { createTestCluster } from "@/test/earnings-clusters";
import { dedupeKeyOf, type NormalizedEntry } from "./validate";

// queries.ts guards against client bundles with "server-only", which throws outside Next.
vi.mock("server-only", () => ({}));

const actor = { id: null, label: "test" } as const;
const insertEntries = (entries: NormalizedEntry[]) => db.$transaction((tx) => insertBatch(tx, entries, null));

function entry(
  clusterId: string,
  networkId: string,
  day: string,
  amount: string,
  symbol: string,
  externalId: string | null = null,
): NormalizedEntry {
  const base = { clusterId, networkId, workload: null, day, amount, symbol, source: "test", externalId };
  return { ...base, dedupeKey: dedupeKeyOf(base) };
}

async function* once(text: string): AsyncIterable<string> {
  yield text;
}

// A small seeded generator (mulberry32) so a failing ledger can be replayed.
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("writing a batch", () => {
  it("stores text exactly, counts a repeat within the batch once, and refuses a batch naming an unknown network whole", async () => {
    const cluster = await createTestCluster();
    const odd = {
      ...entry(cluster.id, "helium", "2026-06-01", "1.25", "HNT", `q"uo\\te,{x} ü ${cluster.id}`),
      workload: `vm "100", {a\\b}\n✓`,
    };
    const hashed = entry(cluster.id, "render", "2026-06-01", "3", "RENDER");
    expect(await insertEntries([odd, hashed, odd, hashed])).toEqual({
      imported: 2,
      duplicates: 2,
    });
    const stored = await db.revenueEntry.findFirstOrThrow({ where: { clusterId: cluster.id, networkId: "helium" } });
    expect([stored.externalId, stored.workload, stored.dedupeKey]).toEqual([
      odd.externalId,
      odd.workload,
      odd.dedupeKey,
    ]);
    expect(
      (await db.revenueEntry.findFirstOrThrow({ where: { clusterId: cluster.id, networkId: "render" } })).dedupeKey,
    ).toBe(hashed.dedupeKey);

    // Entries have no keys to the cluster and network tables: the rollup row's keys refuse the
    // statement, and nothing of the batch is written.
    const good = entry(cluster.id, "helium", "2026-06-02", "2", "HNT", `ok-${cluster.id}`);
    const ghost = entry(cluster.id, "no-such-network", "2026-06-02", "2", "HNT", `ghost-${cluster.id}`);
    await expect(insertEntries([good, ghost])).rejects.toThrow();
    const nowhere = entry(randomUUID(), "helium", "2026-06-02", "2", "HNT", `nowhere-${cluster.id}`);
    await expect(insertEntries([good, nowhere])).rejects.toThrow();
    expect(
      await db.revenueEntry.count({
        where: { clusterId: { in: [cluster.id, nowhere.clusterId] }, day: new Date("2026-06-02") },
      }),
    ).toBe(0);
  });

  it("a cluster's ledger blocks a plain delete; purging deletes its entries and rollups, and only its own", async () => {
    const [gone, kept] = [await createTestCluster(), await createTestCluster()];
    await insertEntries(
      [gone, kept].flatMap((c) => [
        entry(c.id, "helium", "2026-06-03", "1", "HNT", `del-${c.id}-1`),
        entry(c.id, "akash", "2026-06-04", "2", "AKT"),
      ]),
    );
    // The books are never taken along by a stray DELETE (removal archives; lib/clusters/archive.ts).
    await expect(db.cluster.delete({ where: { id: gone.id } })).rejects.toThrow();
    await db.$transaction((tx) => purgeClusterRows(tx, [gone.id]));
    expect(await db.cluster.count({ where: { id: gone.id } })).toBe(0);
    const left = async (clusterId: string) => [
      await db.revenueEntry.count({ where: { clusterId } }),
      await db.revenueDaily.count({ where: { clusterId } }),
      await db.revenueMonthly.count({ where: { clusterId } }),
    ];
    expect(await left(gone.id)).toEqual([0, 0, 0]);
    expect(await left(kept.id)).toEqual([2, 2, 2]);
  });
});

describe("prices", () => {
  // A symbol of its own: other tests (the demo seed) price FIL for every day of the year.
  it("an entry without a price is unpriced, not zero, until a price arrives; a corrected price moves the rollup", async () => {
    const cluster = await createTestCluster();
    await insertEntries([
      entry(cluster.id, "filecoin", "2026-02-01", "10", "XFIL"),
      entry(cluster.id, "federation-rewards", "2026-02-01", "7.5", "USD"),
    ]);
    let daily = await db.revenueDaily.findMany({ where: { clusterId: cluster.id }, orderBy: { networkId: "asc" } });
    expect(daily.map((d) => [d.networkId, Number(d.revenueUsd), d.unpricedEntries])).toEqual([
      ["federation-rewards", 7.5, 0],
      ["filecoin", 0, 1],
    ]);

    const summary = await importPricesCsv({
      chunks: once("symbol,date,usd\r\nXFIL,2026-02-01,3.25\r\nXFIL,2026-02-02,-1\r\n"),
      actor,
      fileName: "prices.csv",
    });
    expect(summary).toMatchObject({
      status: "done",
      prices: 1,
      repriced: 1,
      rejected: 1,
      problems: [{ line: 3, column: "usd", reason: "is negative" }],
    });
    daily = await db.revenueDaily.findMany({ where: { clusterId: cluster.id, networkId: "filecoin" } });
    expect(daily.map((d) => [Number(d.revenueUsd), d.unpricedEntries])).toEqual([[32.5, 0]]);

    await db.$transaction((tx) => applyPrices(tx, [{ symbol: "XFIL", day: "2026-02-01", usd: "3" }]));
    const fixed = await db.revenueDaily.findFirstOrThrow({ where: { clusterId: cluster.id, networkId: "filecoin" } });
    expect(Number(fixed.revenueUsd)).toBe(30);
    // Entries arriving after the price are priced at insert.
    await insertEntries([entry(cluster.id, "filecoin", "2026-02-01", "1", "XFIL", "late")]);
    expect(
      Number(
        (await db.revenueDaily.findFirstOrThrow({ where: { clusterId: cluster.id, networkId: "filecoin" } }))
          .revenueUsd,
      ),
    ).toBe(33);
  });
});

describe("price import failing part-way", () => {
  it("keeps the batches saved and says after which line it stopped", async () => {
    async function* failing(): AsyncIterable<string> {
      yield "symbol,date,usd\n";
      for (let d = 1; d <= 3; d++) yield `XSTOP,2026-03-0${d},${d}.5\n`;
      throw new Error("connection reset by peer");
    }
    const summary = await importPricesCsv({ chunks: failing(), actor, fileName: "stop.csv", batchSize: 2 });
    expect(summary).toMatchObject({
      status: "failed",
      prices: 2,
      failure: expect.stringContaining("Stopped after line 3"),
    });
    expect(await db.tokenPrice.count({ where: { symbol: "XSTOP" } })).toBe(2);
  });
});

describe("rollups", () => {
  it.each([1, 2, 3])(
    "(daily and monthly) equal the raw aggregates over a random ledger with duplicates and late prices (seed %i)",
    async (seed) => {
      const random = rng(seed);
      const first = await createTestCluster();
      const clusters = [first, await createTestCluster()];
      const networks = [
        ["helium", "HNT"],
        ["render", "RENDER"],
        ["federation-rewards", "USD"],
      ] as const;
      const pool: NormalizedEntry[] = [];
      for (let i = 0; i < 400; i++) {
        const [networkId, symbol] = networks[Math.floor(random() * networks.length)] ?? networks[0];
        const cluster = clusters[Math.floor(random() * clusters.length)] ?? first;
        const day = `2026-03-${String(1 + Math.floor(random() * 10)).padStart(2, "0")}`;
        const amount = (random() * 100).toFixed(Math.floor(random() * 6));
        pool.push(
          entry(
            cluster.id,
            networkId,
            day,
            amount === "0" ? "1" : amount,
            symbol,
            random() < 0.5 ? `s${seed}-${i}` : null,
          ),
        );
      }
      const fallback = pool[0];
      if (!fallback) throw new Error("empty pool");
      const pick = (): NormalizedEntry => pool[Math.floor(random() * pool.length)] ?? fallback;
      for (let b = 0; b < 8; b++) {
        const batch = Array.from({ length: 1 + Math.floor(random() * 120) }, pick);
        await insertEntries(batch);
        if (random() < 0.5) {
          const day = `2026-03-${String(1 + Math.floor(random() * 10)).padStart(2, "0")}`;
          await db.$transaction((tx) =>
            applyPrices(tx, [{ symbol: random() < 0.5 ? "HNT" : "RENDER", day, usd: (random() * 10).toFixed(4) }]),
          );
        }
      }
      const ids = clusters.map((c) => c.id);
      const raw = await db.$queryRaw<Array<{ key: string; n: number; usd: string; unpriced: number }>>`
      SELECT "clusterId" || "networkId" || "day" AS key, count(*)::int AS n, coalesce(sum("amountUsd"), 0)::text AS usd, count(*) FILTER (WHERE "amountUsd" IS NULL)::int AS unpriced
      FROM "RevenueEntry" WHERE "clusterId" = ANY(${ids}::uuid[]) GROUP BY 1 ORDER BY 1`;
      const rolled = await db.$queryRaw<Array<{ key: string; n: number; usd: string; unpriced: number }>>`
      SELECT "clusterId" || "networkId" || "day" AS key, "entries" AS n, "revenueUsd"::text AS usd, "unpricedEntries" AS unpriced
      FROM "RevenueDaily" WHERE "clusterId" = ANY(${ids}::uuid[]) ORDER BY 1`;
      expect(rolled.map((r) => ({ ...r, usd: Number(r.usd) }))).toEqual(raw.map((r) => ({ ...r, usd: Number(r.usd) })));
      const rawMonthly = await db.$queryRaw<Array<{ key: string; n: number; usd: string; unpriced: number }>>`
      SELECT "clusterId" || "networkId" || date_trunc('month', "day")::date AS key, count(*)::int AS n, coalesce(sum("amountUsd"), 0)::text AS usd, count(*) FILTER (WHERE "amountUsd" IS NULL)::int AS unpriced
      FROM "RevenueEntry" WHERE "clusterId" = ANY(${ids}::uuid[]) GROUP BY 1 ORDER BY 1`;
      const monthly = await db.$queryRaw<Array<{ key: string; n: number; usd: string; unpriced: number }>>`
      SELECT "clusterId" || "networkId" || "month" AS key, "entries" AS n, "revenueUsd"::text AS usd, "unpricedEntries" AS unpriced
      FROM "RevenueMonthly" WHERE "clusterId" = ANY(${ids}::uuid[]) ORDER BY 1`;
      expect(monthly.map((r) => ({ ...r, usd: Number(r.usd) }))).toEqual(
        rawMonthly.map((r) => ({ ...r, usd: Number(r.usd) })),
      );
    },
  );
});

describe("the report", () => {
  it("subtracts estimated and manual electricity and marks a cluster under its tier band", async () => {
    const cluster = await createTestCluster({ tier: 3, pricePerKwh: 0.25, wattsPerNode: 100, nodes: 2 });
    await insertEntries([
      entry(cluster.id, "federation-rewards", "2026-01-01", "60", "USD"),
      entry(cluster.id, "federation-rewards", "2026-01-15", "30", "USD"),
    ]);
    await db.electricityCost.create({ data: { clusterId: cluster.id, day: new Date("2026-01-02"), amount: 5 } });
    const report = await getEarningsReport({
      from: "2026-01-01",
      to: "2026-01-31",
      clusterIds: [cluster.id],
      networkIds: [],
      granularity: "week",
    });
    const view = buildView(report);
    // 30 days × 0.25 €/kWh × 100 W × 2 nodes × 24 h = 30 × 1.2, plus the manual 5 for Jan 2.
    expect(view.totals.revenueUsd).toBe(90);
    expect(view.totals.electricityUsd).toBeCloseTo(30 * 1.2 + 5, 6);
    expect(view.clusters[0]).toMatchObject({
      monthsBelow: 1,
      months: [{ month: "2026-01", revenueUsd: 90, status: "below" }],
    });
  });

  it("leaves electricity unconverted (not zero) when its currency has no rate", async () => {
    const cluster = await createTestCluster({ currency: "CHF", nodes: 1 });
    // Its first revenue dates its electricity back to then (it was registered today).
    await insertEntries([entry(cluster.id, "helium", "2026-01-01", "1", "HNT")]);
    const threeDays = async () =>
      buildView(
        await getEarningsReport({
          from: "2026-01-01",
          to: "2026-01-03",
          clusterIds: [cluster.id],
          networkIds: [],
          granularity: "day",
        }),
      );
    const view = await threeDays();
    expect(view.totals.electricityUsd).toBeNull();
    await db.$transaction((tx) => applyPrices(tx, [{ symbol: "CHF", day: "2025-12-31", usd: "1.1" }]));
    const priced = await threeDays();
    expect(priced.totals.electricityUsd).toBeGreaterThan(0);
  });
});
