// Pure shaping of the earnings report into what the page shows: totals, per-cluster rows, tier and
// network bands, the stacked series. Numbers only; components format them in the user's locale.
import type { EarningsReport } from "./report-types";

// The essay's monthly revenue targets per tier, USD.
export const TIER_BANDS: Record<number, { min: number; max: number }> = {
  1: { min: 2000, max: 4000 },
  2: { min: 500, max: 1500 },
  3: { min: 100, max: 500 },
};

// "partial": a month the period only partly covers (its first or last), not judged against a target.
export type BandStatus = "below" | "within" | "above" | "none" | "partial";

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
  months: Array<{ month: string; revenueUsd: number; status: BandStatus }>;
  monthsBelow: number;
  /** Whole months in the period, the ones compared with the target. */
  monthsJudged: number;
}

export interface EarningsView {
  totals: { revenueUsd: number; electricityUsd: number | null; netUsd: number | null; unpriced: number; entries: number };
  clusters: ClusterRow[];
  networks: Array<{ id: string; name: string; revenueUsd: number; min: number | null; max: number | null; months: Array<{ month: string; revenueUsd: number; status: BandStatus }> }>;
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

export function buildView(report: EarningsReport): EarningsView {
  const { from, to } = report.filter;
  const months = [...new Set([...report.monthly.map((m) => m.month), ...report.electricity.map((e) => e.month)])].sort();
  const clusters: ClusterRow[] = report.clusters.map((c) => {
    const rows = report.monthly.filter((m) => m.clusterId === c.id);
    const power = report.electricity.filter((e) => e.clusterId === c.id);
    const revenueUsd = rows.reduce((n, m) => n + m.usd, 0);
    const electricityUsd = sumOrNull(power.map((p) => p.usd));
    const band = TIER_BANDS[c.tier];
    const perMonth = months.map((month) => {
      const value = rows.filter((m) => m.month === month).reduce((n, m) => n + m.usd, 0);
      return { month, revenueUsd: value, status: wholeMonth(month, from, to) ? bandStatus(value, band) : "partial" };
    });
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
      monthsJudged: perMonth.filter((m) => m.status !== "partial" && m.status !== "none").length,
    };
  });
  const networks = report.networks
    .filter((n) => report.filter.networkIds.length === 0 || report.filter.networkIds.includes(n.id))
    .map((n) => {
      const rows = report.monthly.filter((m) => m.networkId === n.id);
      const band = { min: n.monthlyMinUsd, max: n.monthlyMaxUsd };
      return {
        id: n.id,
        name: n.name,
        revenueUsd: rows.reduce((s, m) => s + m.usd, 0),
        min: n.monthlyMinUsd,
        max: n.monthlyMaxUsd,
        months: months.map((month) => {
          const value = rows.filter((m) => m.month === month).reduce((s, m) => s + m.usd, 0);
          return { month, revenueUsd: value, status: wholeMonth(month, from, to) ? bandStatus(value, band) : ("partial" as const) };
        }),
      };
    });
  const buckets = new Map<string, { bucket: string } & Record<string, number | string>>();
  for (const point of report.series) {
    const row = buckets.get(point.bucket) ?? { bucket: point.bucket };
    row[point.networkId] = point.usd;
    buckets.set(point.bucket, row);
  }
  const revenueUsd = clusters.reduce((n, c) => n + c.revenueUsd, 0);
  const electricityUsd = sumOrNull(clusters.map((c) => c.electricityUsd));
  return {
    totals: {
      revenueUsd,
      electricityUsd,
      netUsd: electricityUsd === null ? null : revenueUsd - electricityUsd,
      unpriced: report.monthly.reduce((n, m) => n + m.unpriced, 0),
      entries: report.monthly.reduce((n, m) => n + m.entries, 0),
    },
    clusters,
    networks,
    stacked: [...buckets.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : 1)),
    months,
  };
}

/** The table as CSV (what is shown, unformatted numbers so spreadsheets can sum them). */
export function viewToCsv(view: EarningsView): string {
  const cell = (v: string | number | null) => (v === null ? "" : typeof v === "number" ? v.toFixed(2) : /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [["cluster", "tier", "revenue_usd", "electricity_usd", "net_usd", "unpriced_entries", "months_below_target"].join(",")];
  for (const c of view.clusters) lines.push([c.name, String(c.tier), c.revenueUsd, c.electricityUsd, c.netUsd, String(c.unpriced), String(c.monthsBelow)].map(cell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
