// What the earnings page reads: only the monthly and daily rollups (never the raw entries), the clusters' power
// data and the manual electricity costs. Numbers out, formatting left to components.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { electricityByClusterMonth } from "./electricity";
import type { EarningsFilter, EarningsReport } from "./report-types";

function ids(list: readonly string[]): Prisma.Sql {
  return list.length > 0 ? Prisma.sql`AND r."clusterId" = ANY(${[...list]}::uuid[])` : Prisma.empty;
}
function nets(list: readonly string[]): Prisma.Sql {
  return list.length > 0 ? Prisma.sql`AND r."networkId" = ANY(${[...list]}::text[])` : Prisma.empty;
}

// Bucket starts by date arithmetic: date_trunc on a date goes through timestamps with a time zone,
// which cost more than the aggregation itself.
function bucketOf(granularity: EarningsFilter["granularity"]): Prisma.Sql {
  if (granularity === "day") return Prisma.sql`r."day"`;
  if (granularity === "week") return Prisma.sql`(r."day" - (extract(isodow FROM r."day")::int - 1))`;
  return Prisma.sql`(r."day" - (extract(day FROM r."day")::int - 1))`;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type MonthlyRow = { month: Date; clusterId: string; networkId: string; usd: number; entries: number; unpriced: number };

const shift = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

/** The days of [from, to] outside its whole months: up to two ranges, or all of it. */
export function partialRanges(
  from: string,
  to: string,
  whole: { start: string; end: string },
): Array<[string, string]> {
  if (whole.start > whole.end) return [[from, to]];
  const out: Array<[string, string]> = [];
  if (from < whole.start) out.push([from, shift(whole.start, -1)]);
  if (to > whole.end) out.push([shift(whole.end, 1), to]);
  return out;
}

/** The whole months inside [from, to]: first day of the first, last day of the last (may be empty). */
export function wholeMonths(from: string, to: string): { start: string; end: string } {
  const f = new Date(`${from}T00:00:00Z`);
  const start = f.getUTCDate() === 1 ? from : isoDay(new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 1)));
  const t = new Date(`${to}T00:00:00Z`);
  const lastOfMonth = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0));
  const end =
    isoDay(t) === isoDay(lastOfMonth) ? to : isoDay(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 0)));
  return { start, end };
}

export async function getEarningsReport(filter: EarningsFilter): Promise<EarningsReport> {
  const { from, to, granularity } = filter;
  const where = Prisma.sql`r."day" BETWEEN ${from}::date AND ${to}::date ${ids(filter.clusterIds)} ${nets(filter.networkIds)}`;
  const whole = wholeMonths(from, to);
  // Explicit day ranges (none when the period is whole months) so the day index is used.
  const ranges = partialRanges(from, to, whole);
  const partial =
    ranges.length === 0
      ? Prisma.empty
      : Prisma.sql`UNION ALL
        SELECT ${bucketOf("month")}, r."clusterId", r."networkId", r."revenueUsd", r."entries", r."unpricedEntries"
        FROM "RevenueDaily" r WHERE (${Prisma.join(
          ranges.map(([a, b]) => Prisma.sql`r."day" BETWEEN ${a}::date AND ${b}::date`),
          " OR ",
        )}) ${ids(filter.clusterIds)} ${nets(filter.networkIds)}`;

  const [clusters, networks, monthlyRows, seriesRows, electricity] = await Promise.all([
    db.cluster.findMany({ select: { id: true, name: true, tier: true, currency: true }, orderBy: { name: "asc" } }),
    db.earningsNetwork.findMany({
      select: { id: true, name: true, monthlyMinUsd: true, monthlyMaxUsd: true },
      orderBy: { name: "asc" },
    }),
    // Whole months from the monthly rollup; the period's partial first and last months from the
    // daily one (only their days), so any period reads a few thousand rows at most.
    // A period of whole months reads the monthly rows as they are (one per month, cluster and
    // network already): aggregating 7,200 of them again was most of this query's time.
    ranges.length === 0
      ? db.$queryRaw<MonthlyRow[]>`
          SELECT r."month" AS month, r."clusterId"::text AS "clusterId", r."networkId", r."revenueUsd"::float8 AS usd, r."entries" AS entries, r."unpricedEntries" AS unpriced
          FROM "RevenueMonthly" r WHERE r."month" BETWEEN ${whole.start}::date AND ${whole.end}::date ${ids(filter.clusterIds)} ${nets(filter.networkIds)}`
      : db.$queryRaw<MonthlyRow[]>`
          SELECT month, "clusterId"::text AS "clusterId", "networkId", usd, entries, unpriced
          FROM (
            SELECT month, "clusterId", "networkId", sum(usd)::float8 AS usd, sum(entries)::int AS entries, sum(unpriced)::int AS unpriced
            FROM (
              SELECT r."month" AS month, r."clusterId", r."networkId", r."revenueUsd" AS usd, r."entries" AS entries, r."unpricedEntries" AS unpriced
              FROM "RevenueMonthly" r WHERE r."month" BETWEEN ${whole.start}::date AND ${whole.end}::date ${ids(filter.clusterIds)} ${nets(filter.networkIds)}
              ${partial}
            ) AS parts GROUP BY 1, 2, 3
          ) AS summed`,
    // By month, the series is the monthly rows summed over clusters: no second scan.
    granularity === "month"
      ? Promise.resolve(null)
      : db.$queryRaw<Array<{ bucket: Date; networkId: string; usd: number }>>`
          SELECT ${bucketOf(granularity)} AS bucket, r."networkId", sum(r."revenueUsd")::float8 AS usd
          FROM "RevenueDaily" r WHERE ${where} GROUP BY 1, 2`,
    // Electricity is a cluster's cost whatever network pays it: under a network filter the page
    // gives none (see buildView), so it is not read.
    filter.networkIds.length > 0 ? Promise.resolve([]) : electricityByClusterMonth(from, to, filter.clusterIds),
  ]);

  const monthly = monthlyRows
    .map((m) => ({ ...m, month: isoDay(m.month).slice(0, 7) }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  let series: EarningsReport["series"];
  if (seriesRows) {
    series = seriesRows.map((p) => ({ bucket: isoDay(p.bucket), networkId: p.networkId, usd: p.usd }));
  } else {
    const sums = new Map<string, { bucket: string; networkId: string; usd: number }>();
    for (const m of monthly) {
      const key = `${m.month}|${m.networkId}`;
      const point = sums.get(key) ?? { bucket: `${m.month}-01`, networkId: m.networkId, usd: 0 };
      point.usd += m.usd;
      sums.set(key, point);
    }
    series = [...sums.values()];
  }
  series.sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));

  const shownClusters =
    filter.clusterIds.length > 0 ? clusters.filter((c) => filter.clusterIds.includes(c.id)) : clusters;
  return {
    filter,
    clusters: shownClusters,
    networks: networks.map((n) => ({
      id: n.id,
      name: n.name,
      monthlyMinUsd: n.monthlyMinUsd === null ? null : Number(n.monthlyMinUsd),
      monthlyMaxUsd: n.monthlyMaxUsd === null ? null : Number(n.monthlyMaxUsd),
    })),
    allClusters: clusters.map((c) => ({ id: c.id, name: c.name })),
    series,
    monthly,
    electricity,
  };
}
