// The earnings page's data: plain numbers and ids, serialisable to client components.
export type Granularity = "day" | "week" | "month";

export interface EarningsFilter {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  clusterIds: string[];
  networkIds: string[];
  granularity: Granularity;
}

export interface ElectricityMonth {
  clusterId: string;
  month: string;
  /** In USD; null when the cluster's currency had no exchange rate for some day of it. */
  usd: number | null;
  /** In the cluster's own currency. */
  local: number;
  /** Days priced from manual cost entries rather than the estimate. */
  manualDays: number;
  /** True when the cluster has no power data (watts per node or nodes) for the estimate. */
  noPowerData: boolean;
}

export interface EarningsReport {
  filter: EarningsFilter;
  clusters: Array<{ id: string; name: string; tier: number; currency: string }>;
  allClusters: Array<{ id: string; name: string }>;
  networks: Array<{ id: string; name: string; monthlyMinUsd: number | null; monthlyMaxUsd: number | null }>;
  /** Revenue per time bucket (day, week or month start) and network. */
  series: Array<{ bucket: string; networkId: string; usd: number }>;
  /** Revenue per month, cluster and network, with entry counts and unpriced entries. */
  monthly: Array<{
    month: string;
    clusterId: string;
    networkId: string;
    usd: number;
    entries: number;
    unpriced: number;
  }>;
  electricity: ElectricityMonth[];
}
