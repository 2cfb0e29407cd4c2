// Expected monthly revenue of one replica of a workload at each cluster, from the most specific
// evidence there is (pure; plans/load.ts gathers the numbers):
//   1. ledger-cluster: the trailing window of the workload's network at that cluster, divided by
//      the replicas earning on that network there (every workload on the network: the ledger does
//      not say which guest earned what), scaled to a month;
//   2. ledger-region: the same summed over the clusters of the cluster's region;
//   3. rate-table: the admins' reward rate for the subject in the cluster's region (matched against
//      its region or its country code, without case), else for any region ("");
//   4. none: nothing is known, so nothing is expected.
// Services have no ledger: they start at the rate table. A what-if rate for a subject replaces all
// of this for that subject ("what if Helium paid $X a replica").
import { DAYS_PER_MONTH } from "./defaults";
import type { RevenueEstimate } from "./types";

export interface RevenueCluster {
  id: string;
  region: string | null;
  country: string;
}

export interface RevenueWorkload {
  id: string;
  subject: string;
  networkId: string | null;
}

export interface LedgerWindow {
  clusterId: string;
  networkId: string;
  usd: number;
  /** Days the window covers for this cluster and network (from its first revenue day, at most the window). */
  days: number;
}

export interface RateRow {
  subject: string;
  region: string;
  usd: number;
}

export interface RevenueEvidence {
  clusters: readonly RevenueCluster[];
  workloads: readonly RevenueWorkload[];
  ledger: readonly LedgerWindow[];
  /** Replicas earning on a network at a cluster: key `${clusterId}|${networkId}`. */
  networkReplicas: ReadonlyMap<string, number>;
  rates: readonly RateRow[];
  rateOverrides: Readonly<Record<string, number>>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const norm = (s: string | null) => (s ?? "").trim().toLowerCase();

export function estimateRevenue(evidence: RevenueEvidence): Record<string, Record<string, RevenueEstimate>> {
  const monthlyAt = new Map<string, { usd: number; replicas: number }>();
  for (const row of evidence.ledger) {
    const replicas = evidence.networkReplicas.get(`${row.clusterId}|${row.networkId}`) ?? 0;
    if (row.usd <= 0 || row.days <= 0 || replicas <= 0) continue;
    monthlyAt.set(`${row.clusterId}|${row.networkId}`, { usd: (row.usd / row.days) * DAYS_PER_MONTH, replicas });
  }
  const regionOf = new Map(evidence.clusters.map((c) => [c.id, norm(c.region)]));
  const byRegion = new Map<string, { usd: number; replicas: number }>();
  for (const [key, value] of monthlyAt) {
    const [clusterId = "", networkId = ""] = key.split("|");
    const region = regionOf.get(clusterId);
    if (!region) continue;
    const sum = byRegion.get(`${region}|${networkId}`) ?? { usd: 0, replicas: 0 };
    sum.usd += value.usd;
    sum.replicas += value.replicas;
    byRegion.set(`${region}|${networkId}`, sum);
  }
  const rates = new Map(evidence.rates.map((r) => [`${r.subject}|${norm(r.region)}`, r.usd]));

  const out: Record<string, Record<string, RevenueEstimate>> = {};
  for (const w of evidence.workloads) {
    const perCluster: Record<string, RevenueEstimate> = {};
    for (const c of evidence.clusters)
      perCluster[c.id] = estimateOne(w, c, monthlyAt, byRegion, rates, evidence.rateOverrides);
    out[w.id] = perCluster;
  }
  return out;
}

function estimateOne(
  w: RevenueWorkload,
  c: RevenueCluster,
  monthlyAt: ReadonlyMap<string, { usd: number; replicas: number }>,
  byRegion: ReadonlyMap<string, { usd: number; replicas: number }>,
  rates: ReadonlyMap<string, number>,
  overrides: Readonly<Record<string, number>>,
): RevenueEstimate {
  const override = overrides[w.subject];
  if (override !== undefined) return { monthlyUsd: round2(override), source: "rate-table" };
  if (w.networkId) {
    const here = monthlyAt.get(`${c.id}|${w.networkId}`);
    if (here) return { monthlyUsd: round2(here.usd / here.replicas), source: "ledger-cluster" };
    const region = byRegion.get(`${norm(c.region)}|${w.networkId}`);
    if (norm(c.region) && region && region.replicas > 0)
      return { monthlyUsd: round2(region.usd / region.replicas), source: "ledger-region" };
  }
  const rate =
    (norm(c.region) ? rates.get(`${w.subject}|${norm(c.region)}`) : undefined) ??
    rates.get(`${w.subject}|${norm(c.country)}`) ??
    rates.get(`${w.subject}|`);
  if (rate !== undefined) return { monthlyUsd: round2(rate), source: "rate-table" };
  return { monthlyUsd: 0, source: "none" };
}
