// The shared objective and the checks both solvers' answers must pass, over the count model.
import { RESOURCE_COUNT } from "./filter";
import type { PlacementModel } from "./model";
import { regionOf } from "./statics";

/** The objective of a count vector (see the header). */
export function objectiveOf(model: PlacementModel, y: ArrayLike<number>): number {
  let sum = 0;
  const W = model.total.length;
  for (let w = 0; w < W; w++) {
    let placed = 0;
    for (let p = model.pairStart[w]!; p < model.pairStart[w + 1]!; p++) {
      const n = y[p]!;
      placed += n;
      sum += model.pairValue[p]! * n - model.pairPenalty[p]! * Math.max(0, model.pairCur[p]! - n);
    }
    sum -= model.unplacedPenalty[w]! * (model.total[w]! - placed);
  }
  return sum;
}

/**
 * The pairs of a spread workload that may not both hold a replica, flat as [p, q, p, q, …] with
 * p < q. Pairs in one region are left out for a distinct-regions workload unless `all`: the exact
 * model covers them with one row per region.
 */
export function spreadEdges(model: PlacementModel, w: number, all = false): number[] {
  if (!model.spread[w]) return [];
  const edges: number[] = [];
  const byRegion = model.input.workloads[w]!.constraints.distinctRegions;
  const from = model.pairStart[w]!;
  const to = model.pairStart[w + 1]!;
  for (let p = from; p < to; p++)
    for (let q = p + 1; q < to; q++) {
      const a = model.pairCluster[p]!;
      const b = model.pairCluster[q]!;
      if (!model.conflicts(w, a, b)) continue;
      if (!all && byRegion && regionOf(model.input, a) === regionOf(model.input, b)) continue;
      edges.push(p, q);
    }
  return edges;
}

/** How many of workload w's must-leave replicas stay where they run when `placed` are placed. */
export function strandedCount(model: PlacementModel, w: number, placed: number): number {
  const leaving = model.leaveStart[w + 1]! - model.leaveStart[w]!;
  return Math.min(leaving, Math.max(0, leaving + model.keep[w]! - placed));
}

/** Capacity (stranded replicas included), spread and the per-workload count bounds hold for these counts. */
export function countsFeasible(model: PlacementModel, y: ArrayLike<number>): boolean {
  const R = RESOURCE_COUNT;
  const used = new Float64Array(model.room.length);
  for (let w = 0; w < model.total.length; w++) {
    let placed = 0;
    for (let p = model.pairStart[w]!; p < model.pairStart[w + 1]!; p++) {
      const n = y[p]!;
      if (n < 0 || n > model.pairUb[p]!) return false;
      placed += n;
      for (let k = 0; k < R; k++) used[model.pairCluster[p]! * R + k]! += n * model.req[w * R + k]!;
    }
    if (placed < model.keep[w]! || placed > model.total[w]!) return false;
    const end = model.leaveStart[w + 1]!;
    for (let j = end - strandedCount(model, w, placed); j < end; j++)
      for (let k = 0; k < R; k++) used[model.leaveOrigin[j]! * R + k]! += model.req[w * R + k]!;
    const edges = spreadEdges(model, w, true);
    for (let i = 0; i < edges.length; i += 2) if (y[edges[i]!]! > 0 && y[edges[i + 1]!]! > 0) return false;
  }
  return used.every((u, i) => u <= model.room[i]! + 1e-6);
}
