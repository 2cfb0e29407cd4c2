// A year of demo earnings for the registered clusters: daily rewards per network with seasonality
// (a summer peak, weekly noise), daily token prices as a seeded random walk, exchange rates for the
// clusters' currencies, and one cluster deliberately under its tier's target. Deterministic (a
// seeded generator, fixed external ids), and idempotent: re-running it counts every entry once.
import type { Db } from "@/lib/db";
import { insertBatch } from "./ingest";
import { applyPrices, type PriceRow } from "./prices";
import { dedupeKeyOf, type NormalizedEntry } from "./validate";

const DAY_MS = 86_400_000;
// Middle of each tier's monthly band (USD), which the demo aims at.
const TIER_MONTHLY: Record<number, number> = { 1: 3000, 2: 1000, 3: 300 };
const NETWORKS_BY_TIER: Record<number, Array<[string, number]>> = {
  1: [
    ["helium", 0.3],
    ["filecoin", 0.2],
    ["render", 0.3],
    ["akash", 0.15],
    ["federation-rewards", 0.05],
  ],
  2: [
    ["helium", 0.45],
    ["filecoin", 0.25],
    ["akash", 0.2],
    ["federation-rewards", 0.1],
  ],
  3: [
    ["helium", 0.55],
    ["iotex", 0.35],
    ["federation-rewards", 0.1],
  ],
};
const START_PRICE: Record<string, number> = {
  HNT: 4.5,
  FIL: 5.2,
  RENDER: 6.1,
  IOTX: 0.04,
  AKT: 3.1,
  EUR: 1.08,
  GBP: 1.27,
  CHF: 1.12,
};
// The demo's under-target cluster earns this share of its tier's middle: below the band all year.
const UNDER_TARGET_FACTOR = 0.3;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Daily prices for each symbol over the days, a bounded random walk from a fixed start. */
export function demoPrices(symbols: readonly string[], days: readonly string[], seed = 42): PriceRow[] {
  const random = rng(seed);
  const rows: PriceRow[] = [];
  for (const symbol of symbols) {
    const start = START_PRICE[symbol] ?? 1;
    let price = start;
    const fiat = symbol.length === 3 && ["EUR", "GBP", "CHF"].includes(symbol);
    for (const day of days) {
      price *= 1 + (random() - 0.5) * (fiat ? 0.004 : 0.06);
      price = Math.min(start * (fiat ? 1.05 : 1.8), Math.max(start * (fiat ? 0.95 : 0.5), price));
      rows.push({ symbol, day, usd: price.toFixed(symbol === "IOTX" ? 6 : 4) });
    }
  }
  return rows;
}

/** Summer-peaking seasonality, ±25 % over the year. */
export function seasonality(dayMs: number): number {
  const dayOfYear = (dayMs - Date.UTC(new Date(dayMs).getUTCFullYear(), 0, 1)) / DAY_MS;
  return 1 + 0.25 * Math.sin((2 * Math.PI * (dayOfYear - 80)) / 365);
}

export async function seedDemoEarnings(
  db: Db,
  options: { today?: Date; days?: number; clusterIds?: string[] } = {},
): Promise<{ clusters: number; entries: number; underTarget: string | null }> {
  const clusters = await db.cluster.findMany({
    where: options.clusterIds ? { id: { in: options.clusterIds } } : {},
    select: { id: true, name: true, tier: true, currency: true },
    orderBy: { name: "asc" },
  });
  if (clusters.length === 0) return { clusters: 0, entries: 0, underTarget: null };
  const networks = new Map(
    (await db.earningsNetwork.findMany({ select: { id: true, defaultSymbol: true } })).map((n) => [
      n.id,
      n.defaultSymbol,
    ]),
  );
  const today = options.today ?? new Date();
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const dayCount = options.days ?? 365;
  const days = Array.from({ length: dayCount }, (_, i) => end - (dayCount - 1 - i) * DAY_MS);

  const symbols = [...new Set([...networks.values(), ...clusters.map((c) => c.currency)])].filter((s) => s !== "USD");
  const prices = demoPrices(symbols, days.map(isoDay));
  for (let i = 0; i < prices.length; i += 5_000)
    await db.$transaction((tx) => applyPrices(tx, prices.slice(i, i + 5_000)), { timeout: 60_000 });
  const priceOf = new Map(prices.map((p) => [`${p.symbol}|${p.day}`, Number(p.usd)]));

  const under = clusters.find((c) => c.tier === 2) ?? clusters[0];
  let written = 0;
  for (const [index, cluster] of clusters.entries()) {
    const random = rng(1000 + index);
    const factor = cluster.id === under?.id ? UNDER_TARGET_FACTOR : 1;
    const monthly = (TIER_MONTHLY[cluster.tier] ?? 300) * factor;
    const batch: NormalizedEntry[] = [];
    for (const dayMs of days) {
      const day = isoDay(dayMs);
      for (const [networkId, share] of NETWORKS_BY_TIER[cluster.tier] ?? NETWORKS_BY_TIER[3] ?? []) {
        const symbol = networks.get(networkId);
        if (!symbol) continue;
        const usd = (monthly / 30) * share * seasonality(dayMs) * (0.8 + random() * 0.4);
        const price = symbol === "USD" ? 1 : (priceOf.get(`${symbol}|${day}`) ?? 1);
        const base = {
          clusterId: cluster.id,
          networkId,
          workload: `${networkId}-node`,
          day,
          amount: (usd / price).toFixed(6),
          symbol,
          source: "demo",
          externalId: `demo-${cluster.name}-${networkId}-${day}`,
        };
        batch.push({ ...base, dedupeKey: dedupeKeyOf(base) });
      }
    }
    for (let i = 0; i < batch.length; i += 5_000) {
      const result = await db.$transaction((tx) => insertBatch(tx, batch.slice(i, i + 5_000), null), {
        timeout: 60_000,
      });
      written += result.imported;
    }
  }
  return { clusters: clusters.length, entries: written, underTarget: under?.name ?? null };
}
