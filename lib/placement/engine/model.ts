// The placement problem both solvers share, in flat arrays. Replicas of one workload are
// interchangeable, so the decision is a count y[p] per "pair" p = (workload, cluster that may host
// it): small enough for an exact MIP at federation scale and cheap for the heuristic to update.
//
// Objective (maximised), the same for both solvers:
//   Σ value[p]·y[p]                      each placed replica's score total (net dominates)
//   − Σ penalty[p]·max(0, cur[p] − y[p]) a move threshold per replica leaving where it runs
//   − Σ unplacedPenalty[w]·(n[w] − Σ y)  priority-weighted, larger than any score difference
// subject to: Σ_p∈w y ≥ keep[w] (running replicas are moved, never dropped), Σ_p∈w y ≤ n[w],
// per cluster and resource Σ req·y + stranded load ≤ room, and per spread workload at most one
// replica per cluster and none on two clusters that conflict (too close, or one region).
// Stranded load: a workload's must-leave replicas (its cluster breaks one of its rules) take the
// slots beyond its kept replicas in input order; the last ones, if slots run out, stay where they
// run and their load counts there — stranded(w) = clamp(mustLeave + keep − Σ y, 0, mustLeave).
import { capacityShortfall, isSpread, RESOURCE_COUNT, toRejection, type StaticVerdict } from "./filter";
import type { ModelReplica } from "./replicas";
import { scoreReplica } from "./score";
import { computeStatics, type Statics } from "./statics";
import { DEFAULT_PLACEMENT_OPTIONS } from "./types";
import type { PlacementInput, PlacementOptions, Rejection, ScoreBreakdown } from "./types";

export type { ModelReplica } from "./replicas";

export interface PlacementModel {
  input: PlacementInput;
  options: PlacementOptions;
  clusterIndex: Map<string, number>;
  /** Per workload × resource: what one replica needs (GPUs: 1 or 0). */
  req: Float64Array;
  /** Per cluster × resource: what the managed replicas may use in total. */
  room: Float64Array;
  total: Int32Array;
  keep: Int32Array;
  unplacedPenalty: Float64Array;
  pairStart: Int32Array;
  pairCluster: Int32Array;
  pairUb: Int32Array;
  pairCur: Int32Array;
  pairValue: Float64Array;
  pairPenalty: Float64Array;
  pairWorkload: Int32Array;
  /** Per workload: 1 when a spread rule (distance or regions) applies. */
  spread: Uint8Array;
  /** Whether two clusters may not both hold a replica of workload w (true for a === b). */
  conflicts: (w: number, a: number, b: number) => boolean;
  /** Per distinct-regions workload: the pair groups sharing a region (size ≥ 2). */
  regionGroups: number[][][];
  replicas: ModelReplica[][];
  verdicts: (StaticVerdict | null)[][];
  /** What does not depend on the plan. */
  statics: Statics;
  /** CSR per workload: the clusters its must-leave replicas run on, in input order. */
  leaveStart: Int32Array;
  leaveOrigin: Int32Array;
  /** Per workload id: clusters that can take no new replica of it, and why. */
  rejections: Record<string, Rejection[]>;
  /** Per workload: its soft-score scale (for scoring an origin outside the pairs). */
  softScale: Float64Array;
}

export function resolveOptions(input: PlacementInput): PlacementOptions {
  return { ...DEFAULT_PLACEMENT_OPTIONS, ...input.options };
}

export function buildModel(input: PlacementInput, known?: Statics): PlacementModel {
  const statics = known ?? computeStatics(input, resolveOptions(input));
  const { options, clusterIndex, req, region, conflicting, softScale, verdicts, net, value, replicas, ruleRejections } =
    statics;
  const { clusters, workloads } = input;
  const C = clusters.length;
  const W = workloads.length;
  const R = RESOURCE_COUNT;
  const keptLoad = new Float64Array(C * R);
  const leaveLoad = new Float64Array(C * R);
  const keptCount = new Int32Array(W * C);
  const total = new Int32Array(W);
  const keep = new Int32Array(W);
  const leaveStart = new Int32Array(W + 1);
  const leaveOrigin: number[] = [];

  workloads.forEach((_, wi) => {
    const resolved = replicas[wi]!;
    total[wi] = resolved.length;
    leaveStart[wi] = leaveOrigin.length;
    for (const r of resolved) {
      if (r.origin < 0 || r.status === "new") continue;
      if (r.status === "must-leave") leaveOrigin.push(r.origin);
      const load = r.status === "kept" ? keptLoad : leaveLoad;
      for (let k = 0; k < R; k++) load[r.origin * R + k]! += req[wi * R + k]!;
      if (r.status === "kept") {
        keptCount[wi * C + r.origin]!++;
        keep[wi]!++;
      }
    }
  });

  leaveStart[W] = leaveOrigin.length;

  const room = new Float64Array(C * R);
  clusters.forEach((c, ci) => {
    const cap = [c.capacity.vcpu, c.capacity.memoryMb, c.capacity.diskGb, c.capacity.gpus];
    const base = [c.baselineUsed.vcpu, c.baselineUsed.memoryMb, c.baselineUsed.diskGb, c.baselineUsed.gpus];
    for (let k = 0; k < R; k++) {
      const i = ci * R + k;
      // GPUs are whole devices: no reserve is taken from them.
      const usable = k === 3 ? cap[k]! : cap[k]! * (1 - options.headroom);
      // A cluster already past its reserve keeps what runs there but takes nothing more.
      room[i] = Math.max(usable - base[k]!, keptLoad[i]! + leaveLoad[i]!);
    }
  });

  // Pairs, in workload order then cluster order; at most W × C of them.
  const pw = new Int32Array(W * C);
  const pc = new Int32Array(W * C);
  const pub = new Int32Array(W * C);
  const pcur = new Int32Array(W * C);
  const pairStart = new Int32Array(W + 1);
  let P = 0;
  const rejections: Record<string, Rejection[]> = {};
  workloads.forEach((w, wi) => {
    pairStart[wi] = P;
    const list: Rejection[] = [];
    const spread = isSpread(w.constraints);
    const wreq = req.subarray(wi * R, wi * R + R);
    for (let ci = 0; ci < C; ci++) {
      const verdict = verdicts[wi]![ci] ?? null;
      const cur = keptCount[wi * C + ci]!;
      const shortfall = verdict ? null : capacityShortfall(wreq, room, ci * R, options.headroom);
      if (verdict) list.push(ruleRejections[wi]!.get(ci)!);
      else if (shortfall) list.push(toRejection(clusters[ci]!.id, ["capacity"], [shortfall]));
      if (verdict?.rule.length || ((verdict || shortfall) && cur === 0)) continue;
      let ub = verdict?.health.length ? cur : spread ? 1 : total[wi]!;
      for (let k = 0; k < R; k++) if (wreq[k]! > 0) ub = Math.min(ub, Math.floor(room[ci * R + k]! / wreq[k]! + 1e-9));
      ub = Math.max(ub, cur);
      if (ub === 0) continue;
      pw[P] = wi;
      pc[P] = ci;
      pub[P] = ub;
      pcur[P] = cur;
      P++;
    }
    rejections[w.id] = list;
  });
  pairStart[W] = P;
  const pairWorkload = pw.slice(0, P);
  const pairCluster = pc.slice(0, P);
  const pairValue = Float64Array.from(pairWorkload, (wi, p) => value[wi * C + pairCluster[p]!]!);
  const pairPenalty = Float64Array.from(pairWorkload, (wi, p) =>
    Math.max(options.moveThreshold * Math.abs(net[wi * C + pairCluster[p]!]!), options.minMoveGainUsd),
  );
  const unplacedPenalty = unplacedPenalties(input, req, pairValue, pairPenalty);

  // Region groups for the exact model: one row per region instead of a row per pair in it.
  const regionGroups: number[][][] = workloads.map((w, wi) => {
    if (!w.constraints.distinctRegions) return [];
    const groups = new Map<number, number[]>();
    for (let p = pairStart[wi]!; p < pairStart[wi + 1]!; p++) {
      const g = groups.get(region[pairCluster[p]!]!);
      if (g) g.push(p);
      else groups.set(region[pairCluster[p]!]!, [p]);
    }
    return [...groups.values()].filter((g) => g.length > 1);
  });

  return {
    input,
    options,
    clusterIndex,
    req,
    room,
    total,
    keep,
    unplacedPenalty,
    pairStart,
    pairCluster,
    pairUb: pub.slice(0, P),
    pairCur: pcur.slice(0, P),
    pairValue,
    pairPenalty,
    pairWorkload,
    spread: Uint8Array.from(workloads, (w) => (isSpread(w.constraints) ? 1 : 0)),
    conflicts: conflicting,
    regionGroups,
    replicas,
    verdicts,
    rejections,
    softScale,
    statics,
    leaveStart,
    leaveOrigin: Int32Array.from(leaveOrigin),
  };
}

/** The explainable score of one replica of workload wi at cluster ci (built on demand, not in hot loops). */
export function breakdownAt(model: PlacementModel, wi: number, ci: number): ScoreBreakdown {
  const w = model.input.workloads[wi]!;
  const c = model.input.clusters[ci]!;
  return scoreReplica(c, w, model.input.revenue[w.id]?.[c.id], model.options.headroom, model.softScale[wi]!);
}

/**
 * Leaving a replica unplaced costs more than any score difference, scaled by its priority rank
 * (higher priority, higher cost) and its size (a big replica outweighs the small ones that could
 * fill its place), so scarce capacity goes to priority first, then to money.
 */
function unplacedPenalties(
  input: PlacementInput,
  req: Float64Array,
  value: Float64Array,
  penalty: Float64Array,
): Float64Array {
  const W = input.workloads.length;
  const R = RESOURCE_COUNT;
  let spread = 0;
  for (let p = 0; p < value.length; p++) spread = Math.max(spread, Math.abs(value[p]!) + penalty[p]!);
  const base = 2 * spread + 1;
  const ranks = [...new Set(input.workloads.map((w) => w.priority))].sort((a, b) => a - b);
  const meanCap = new Float64Array(R);
  for (const c of input.clusters) {
    const cap = [c.capacity.vcpu, c.capacity.memoryMb, c.capacity.diskGb, c.capacity.gpus];
    cap.forEach((v, k) => (meanCap[k]! += v / input.clusters.length));
  }
  const size = input.workloads.map((_, wi) => {
    let s = 0;
    for (let k = 0; k < R; k++) if (meanCap[k]! > 0) s += req[wi * R + k]! / meanCap[k]!;
    return Math.max(s, 1e-6);
  });
  const minSize = Math.min(...size, Infinity);
  // Capped so the penalties stay within a few orders of magnitude of the scores (MIP numerics).
  return Float64Array.from(
    { length: W },
    (_, wi) => base * (1 + ranks.indexOf(input.workloads[wi]!.priority)) * Math.min(16, size[wi]! / minSize),
  );
}
