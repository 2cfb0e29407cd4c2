// What one replica of a workload is worth at a cluster, per month, and why. Net earnings dominate;
// headroom, tier and health only break near-ties, worth at most a few percent of the revenue, so
// a plan never trades real money for them.
import { HOURS_PER_MONTH } from "./defaults";
import type { ClusterHealthState, PlacementCluster, PlacementWorkload, RevenueEstimate, ScoreBreakdown } from "./types";

/** Share of a workload's mean revenue that the three soft scores together can add at most. */
const SOFT_SCORE_SHARE = 0.05;
const SOFT_WEIGHTS = { headroom: 0.5, tier: 0.3, health: 0.2 } as const;
const TIER_SCORE: Record<number, number> = { 1: 1, 2: 0.5, 3: 0 };
const HEALTH_SCORE: Record<ClusterHealthState, number> = { healthy: 1, degraded: 0.5, unknown: 0.25, down: 0 };

export function powerCostUsd(cluster: PlacementCluster, workload: PlacementWorkload): number {
  const watts =
    workload.requirements.vcpu * cluster.wattsPerVcpu + (workload.requirements.gpu ? cluster.wattsPerGpu : 0);
  return ((watts * HOURS_PER_MONTH) / 1000) * cluster.electricityUsdPerKwh;
}

/**
 * The cluster's free share of its usable capacity once everything outside the managed workloads
 * is counted (mean of vCPU and memory), 0…1. Deliberately independent of where the plan puts
 * replicas: a score that moved with the plan would make a rerun propose moves back.
 */
export function headroomScore(cluster: PlacementCluster, headroom: number): number {
  return (
    (freeShare(cluster.capacity.vcpu, cluster.baselineUsed.vcpu, headroom) +
      freeShare(cluster.capacity.memoryMb, cluster.baselineUsed.memoryMb, headroom)) /
    2
  );
}

function freeShare(capacity: number, used: number, headroom: number): number {
  const usable = capacity * (1 - headroom);
  return usable > 0 ? Math.min(1, Math.max(0, (usable - used) / usable)) : 0;
}

/** The cluster's soft score, 0…1, before the workload's scale: the same for every workload. */
export function clusterSoftScore(cluster: PlacementCluster, headroom: number): number {
  return (
    SOFT_WEIGHTS.headroom * headroomScore(cluster, headroom) +
    SOFT_WEIGHTS.tier * (TIER_SCORE[cluster.tier] ?? 0) +
    SOFT_WEIGHTS.health * HEALTH_SCORE[cluster.health]
  );
}

/** USD a month that a perfect soft score (roomy, tier 1, healthy) adds for this workload. */
export function softScoreScale(revenueByCluster: Record<string, RevenueEstimate> | undefined): number {
  const values = Object.values(revenueByCluster ?? {}).map((r) => Math.abs(r.monthlyUsd));
  const mean = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  return Math.max(0.01, SOFT_SCORE_SHARE * mean);
}

export function scoreReplica(
  cluster: PlacementCluster,
  workload: PlacementWorkload,
  revenue: RevenueEstimate | undefined,
  headroom: number,
  softScale: number,
): ScoreBreakdown {
  const revenueUsd = revenue?.monthlyUsd ?? 0;
  const power = powerCostUsd(cluster, workload);
  const netUsd = revenueUsd - power;
  const h = headroomScore(cluster, headroom);
  const t = TIER_SCORE[cluster.tier] ?? 0;
  const health = HEALTH_SCORE[cluster.health];
  const soft = softScale * clusterSoftScore(cluster, headroom);
  return {
    revenueUsd,
    powerCostUsd: power,
    netUsd,
    revenueSource: revenue?.source ?? "none",
    headroomScore: h,
    tierScore: t,
    healthScore: health,
    total: netUsd + soft,
  };
}
