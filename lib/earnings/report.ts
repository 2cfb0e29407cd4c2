// Pure shaping of the earnings report into what the page shows: totals, per-cluster rows, tier and
// network bands, the stacked series. Numbers only; components format them in the user's locale.
// CSV through csv-stringify's browser build: the export is built in the browser as well as in tests.
import { stringify } from "csv-stringify/browser/esm/sync";
import type { EarningsReport } from "./report-types";

// The essay's monthly revenue targets per tier, USD.
export const TIER_BANDS: Record<number, { min: number; max: number }> = {
  1: { min: 2000, max: 4000 },
  2: { min: 500, max: 1500 },
  3: { min: 100, max: 500 },
};

// "partial": a month the period only partly covers (its first or last), not judged against a target.
// "unpriced": a month with entries still waiting for a price, not judged until they have one (its
// revenue is a lower bound: calling it "below" would count those entries as zero).
export type BandStatus = "below" | "within" | "above" | "none" | "partial" | "unpriced";

/** True when the period covers the whole month (YYYY-MM). */
export function wholeMonth(month: string, from: string, to: string): boolean {
  const [y, m] = month.split("-").map(Number);
  if (!y || !m) return false;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return from <= `${month}-01` && to >= last;
}

export function bandStatus(value: number, band: { min: number | null; max: number | null } | undefined): BandStatus {
  if (!band || band.min === null || band.max === null) return "none";
  if (value < band.min) return "below";
  if (value > band.max) return "above";
  return "within";
}

export interface ClusterRow {
  clusterId: string;
  name: string;
  tier: number;
  revenueUsd: number;
  /** Null when some of its electricity could not be converted to USD. */
  electricityUsd: number | null;
  netUsd: number | null;
  unpriced: number;
  months: BandMonth[];
  monthsBelow: number;
  /** Whole months in the period, the ones compared with the target. */
  monthsJudged: number;
}

export interface BandMonth {
  month: string;
  revenueUsd: number;
  unpriced: number;
  status: BandStatus;
}

export interface EarningsView {
  totals: {
    revenueUsd: number;
    electricityUsd: number | null;
    netUsd: number | null;
    unpriced: number;
    entries: number;
  };
  /**
   * False when a network filter is active: electricity is a cluster's cost, not a network's, so
   * no electricity or net is given rather than the whole bill set against one network's revenue.
   */
  electricityShown: boolean;
  clusters: ClusterRow[];
  networks: Array<{
    id: string;
    name: string;
    revenueUsd: number;
    min: number | null;
    max: number | null;
    months: BandMonth[];
  }>;
  /** One point per bucket with a key per network: what a stacked chart wants. */
  stacked: Array<{ bucket: string } & Record<string, number | string>>;
  months: string[];
}

function sumOrNull(values: Array<number | null>): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

function monthsOf(
  rows: EarningsReport["monthly"],
  months: string[],
  band: { min: number | null; max: number | null } | undefined,
  from: string,
  to: string,
): BandMonth[] {
  return months.map((month) => {
    let revenueUsd = 0;
    let unpriced = 0;
    for (const m of rows) {
      if (m.month !== month) continue;
      revenueUsd += m.usd;
      unpriced += m.unpriced;
    }
    // With unpriced entries the revenue is a lower bound: only "above" is already certain.
    const judged = bandStatus(revenueUsd, band);
    const status: BandStatus = !wholeMonth(month, from, to)
      ? "partial"
      : unpriced > 0 && judged !== "above" && judged !== "none"
        ? "unpriced"
        : judged;
    return { month, revenueUsd, unpriced, status };
  });
}

export function buildView(report: EarningsReport): EarningsView {
  const { from, to } = report.filter;
  const electricityShown = report.filter.networkIds.length === 0;
  const electricity = electricityShown ? report.electricity : [];
  const months = [...new Set([...report.monthly.map((m) => m.month), ...electricity.map((e) => e.month)])].sort();
  const clusters: ClusterRow[] = report.clusters.map((c) => {
    const rows = report.monthly.filter((m) => m.clusterId === c.id);
    const revenueUsd = rows.reduce((n, m) => n + m.usd, 0);
    const electricityUsd = electricityShown
      ? sumOrNull(electricity.filter((e) => e.clusterId === c.id).map((p) => p.usd))
      : null;
    const perMonth = monthsOf(rows, months, TIER_BANDS[c.tier], from, to);
    return {
      clusterId: c.id,
      name: c.name,
      tier: c.tier,
      revenueUsd,
      electricityUsd,
      netUsd: electricityUsd === null ? null : revenueUsd - electricityUsd,
      unpriced: rows.reduce((n, m) => n + m.unpriced, 0),
      months: perMonth,
      monthsBelow: perMonth.filter((m) => m.status === "below").length,
      monthsJudged: perMonth.filter((m) => m.status === "below" || m.status === "within" || m.status === "above")
        .length,
    };
  });
  const networks = report.networks
    .filter((n) => report.filter.networkIds.length === 0 || report.filter.networkIds.includes(n.id))
    .map((n) => {
      const rows = report.monthly.filter((m) => m.networkId === n.id);
      return {
        id: n.id,
        name: n.name,
        revenueUsd: rows.reduce((s, m) => s + m.usd, 0),
        min: n.monthlyMinUsd,
        max: n.monthlyMaxUsd,
        months: monthsOf(rows, months, { min: n.monthlyMinUsd, max: n.monthlyMaxUsd }, from, to),
      };
    });
  const buckets = new Map<string, { bucket: string } & Record<string, number | string>>();
  for (const point of report.series) {
    const row = buckets.get(point.bucket) ?? { bucket: point.bucket };
    row[point.networkId] = point.usd;
    buckets.set(point.bucket, row);
  }
  const revenueUsd = clusters.reduce((n, c) => n + c.revenueUsd, 0);
  const electricityUsd = electricityShown ? sumOrNull(clusters.map((c) => c.electricityUsd)) : null;
  return {
    totals: {
      revenueUsd,
      electricityUsd,
      netUsd: electricityUsd === null ? null : revenueUsd - electricityUsd,
      unpriced: report.monthly.reduce((n, m) => n + m.unpriced, 0),
      entries: report.monthly.reduce((n, m) => n + m.entries, 0),
    },
    electricityShown,
    clusters,
    networks,
    stacked: [...buckets.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : 1)),
    months,
  };
}

/** The table as CSV (what is shown, unformatted numbers so spreadsheets can sum them). */
export function viewToCsv(view: EarningsView): string {
  const money = (v: number | null) => (v === null ? null : v.toFixed(2));
  return stringify(
    view.clusters.map((c) => [
      c.name,
      String(c.tier),
      money(c.revenueUsd),
      money(c.electricityUsd),
      money(c.netUsd),
      String(c.unpriced),
      String(c.monthsBelow),
    ]),
    {
      header: true,
      columns: [
        "cluster",
        "tier",
        "revenue_usd",
        "electricity_usd",
        "net_usd",
        "unpriced_entries",
        "months_below_target",
      ],
      record_delimiter: "windows",
    },
  );
}
