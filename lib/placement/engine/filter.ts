// The rules one cluster is checked against for one workload, before any plan exists. Two kinds:
// the workload's own rules (GPU, residency, pins, exclusions, latency), which a running replica
// must leave a cluster for, and the cluster's state (down, stale, maintenance), which only stops
// new replicas from arriving: what already runs there stays until an operator evacuates it.
// Capacity and spread depend on the whole plan and are checked by the model and the solvers.
import { haversineKm, LATENCY_MS_PER_100_KM } from "@/lib/geo/distance";
import type { LatencyBound, PlacementCluster, PlacementWorkload, Rejection, RejectionReason } from "./types";

/** Resources in the order the model's vectors use. */
export const RESOURCES = ["vcpu", "memoryMb", "diskGb", "gpus"] as const;
export const RESOURCE_COUNT = RESOURCES.length;
const RESOURCE_WORDS = ["vCPU", "MB memory", "GB disk", "GPU"] as const;

export interface StaticVerdict {
  /** The workload's rules: a replica there must leave. */
  rule: RejectionReason[];
  /** The cluster's state: replicas there stay, none arrive. */
  health: RejectionReason[];
  details: string[];
}

/** Round trip from the bound's point: the site's own base plus ~1 ms per 100 km of fibre. */
export function estimateLatencyMs(
  cluster: PlacementCluster,
  point: Pick<LatencyBound, "latitude" | "longitude">,
): number {
  const km = haversineKm(
    { lat: cluster.latitude, lon: cluster.longitude },
    { lat: point.latitude, lon: point.longitude },
  );
  return cluster.latencyBaseMs + (km / 100) * LATENCY_MS_PER_100_KM;
}

export function distanceKm(a: PlacementCluster, b: PlacementCluster): number {
  return haversineKm({ lat: a.latitude, lon: a.longitude }, { lat: b.latitude, lon: b.longitude });
}

export function isSpread(c: { minSpreadKm: number | null; distinctRegions: boolean }): boolean {
  return c.distinctRegions || (c.minSpreadKm ?? 0) > 0;
}

/** null when nothing but capacity and spread could stop the workload here. */
export function staticVerdict(cluster: PlacementCluster, workload: PlacementWorkload): StaticVerdict | null {
  const c = workload.constraints;
  // The common case allocates nothing: this runs once per workload × cluster.
  const clear =
    !(workload.requirements.gpu && cluster.capacity.gpus < 1) &&
    (c.allowedCountries.length === 0 || c.allowedCountries.includes(cluster.country)) &&
    (c.pinnedClusterIds.length === 0 || c.pinnedClusterIds.includes(cluster.id)) &&
    !c.excludedClusterIds.includes(cluster.id) &&
    (c.latency === null || estimateLatencyMs(cluster, c.latency) <= c.latency.maxMs) &&
    cluster.health !== "down" &&
    !cluster.stale &&
    !cluster.maintenance;
  if (clear) return null;
  const rule: RejectionReason[] = [];
  const health: RejectionReason[] = [];
  const details: string[] = [];
  if (workload.requirements.gpu && cluster.capacity.gpus < 1) {
    rule.push("gpu");
    details.push("needs a GPU, the cluster has none");
  }
  if (c.allowedCountries.length > 0 && !c.allowedCountries.includes(cluster.country)) {
    rule.push("residency");
    details.push(`data must stay in ${c.allowedCountries.join(", ")}, the cluster is in ${cluster.country}`);
  }
  if (c.pinnedClusterIds.length > 0 && !c.pinnedClusterIds.includes(cluster.id)) {
    rule.push("pinned-elsewhere");
    details.push("pinned to other clusters");
  }
  if (c.excludedClusterIds.includes(cluster.id)) {
    rule.push("excluded");
    details.push("excluded for this workload");
  }
  if (c.latency) {
    const ms = estimateLatencyMs(cluster, c.latency);
    if (ms > c.latency.maxMs) {
      rule.push("latency");
      details.push(`about ${Math.round(ms)} ms round trip, at most ${c.latency.maxMs} ms allowed`);
    }
  }
  if (cluster.health === "down") {
    health.push("down");
    details.push("the cluster is down");
  }
  if (cluster.stale) {
    health.push("stale");
    details.push("its last sync is stale");
  }
  if (cluster.maintenance) {
    health.push("maintenance");
    details.push("it is in maintenance");
  }
  return rule.length + health.length > 0 ? { rule, health, details } : null;
}

/** Plain words for a replica that does not fit the room left, or null when it fits. */
export function capacityShortfall(
  req: ArrayLike<number>,
  room: ArrayLike<number>,
  offset: number,
  headroom: number,
): string | null {
  for (let r = 0; r < RESOURCE_COUNT; r++) {
    const need = req[r] ?? 0;
    const left = room[offset + r] ?? 0;
    if (need > left + 1e-9) {
      const free = Math.max(0, Math.floor(left * 10) / 10);
      return `needs ${need} ${RESOURCE_WORDS[r]}, ${free} free after the ${Math.round(headroom * 100)} % reserve`;
    }
  }
  return null;
}

export function toRejection(clusterId: string, reasons: RejectionReason[], details: string[]): Rejection {
  const sentence = details.join("; ");
  return { clusterId, reasons, detail: sentence.charAt(0).toUpperCase() + sentence.slice(1) };
}
