// Small hand-made federations for the engine's unit tests: every field defaulted, so each test
// states only what it is about.
import type {
  PlacementCluster,
  PlacementInput,
  PlacementWorkload,
  Plan,
  RevenueEstimate,
} from "@/lib/placement/engine/types";

export function cluster(id: string, over: Partial<PlacementCluster> = {}): PlacementCluster {
  return {
    id,
    name: id,
    country: "DE",
    region: `r-${id}`,
    latitude: 50,
    longitude: 8,
    tier: 2,
    health: "healthy",
    stale: false,
    maintenance: false,
    capacity: { vcpu: 100, memoryMb: 100_000, diskGb: 10_000, gpus: 0 },
    baselineUsed: { vcpu: 0, memoryMb: 0, diskGb: 0, gpus: 0 },
    latencyBaseMs: 2,
    electricityUsdPerKwh: 0.2,
    wattsPerVcpu: 8,
    wattsPerGpu: 250,
    ...over,
  };
}

export type WorkloadOverrides = Omit<Partial<PlacementWorkload>, "constraints"> & {
  constraints?: Partial<PlacementWorkload["constraints"]>;
  running?: string[];
};

export function workload(id: string, over: WorkloadOverrides = {}): PlacementWorkload {
  const { running = [], ...rest } = over;
  return {
    id,
    name: id,
    subject: "network:helium",
    priority: 50,
    requirements: { vcpu: 10, memoryMb: 1000, diskGb: 10, gpu: false },
    desiredReplicas: running.length,
    replicas: running.map((c, i) => ({ key: `${c}:${100 + i}`, clusterId: c, vmid: 100 + i, guestName: `${id}-${i}` })),
    ...rest,
    constraints: {
      allowedCountries: [],
      minSpreadKm: null,
      distinctRegions: false,
      pinnedClusterIds: [],
      excludedClusterIds: [],
      latency: null,
      ...rest.constraints,
    },
  };
}

/** Revenue per replica per cluster; clusters not named earn `fallback`. */
export function federation(
  clusters: PlacementCluster[],
  workloads: PlacementWorkload[],
  revenue: Record<string, Record<string, number>> = {},
  fallback = 100,
): PlacementInput {
  const table: Record<string, Record<string, RevenueEstimate>> = {};
  for (const w of workloads)
    table[w.id] = Object.fromEntries(
      clusters.map((c) => [c.id, { monthlyUsd: revenue[w.id]?.[c.id] ?? fallback, source: "rate-table" as const }]),
    );
  return { clusters, workloads, revenue: table, options: {} };
}

/** Where each replica of a workload ends, as cluster ids sorted. */
export function placedOn(
  plan: { assignments: { workloadId: string; clusterId: string | null }[] },
  workloadId: string,
): (string | null)[] {
  return plan.assignments
    .filter((a) => a.workloadId === workloadId)
    .map((a) => a.clusterId)
    .sort();
}

/** The input as it would be once the plan's moves and placements are done. */
export function applyPlan(input: PlacementInput, plan: Plan): PlacementInput {
  return {
    ...input,
    workloads: input.workloads.map((w) => ({
      ...w,
      replicas: plan.assignments
        .filter((a) => a.workloadId === w.id && (a.clusterId !== null || a.fromClusterId !== null))
        .map((a, i) => {
          const clusterId = a.clusterId ?? a.fromClusterId;
          return { key: `${clusterId}:${500 + i}`, clusterId, vmid: 500 + i, guestName: null };
        }),
    })),
  };
}
