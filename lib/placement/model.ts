// The placement problem both solvers share, in flat arrays. Replicas of one workload are
// interchangeable, so the decision is a count y[p] per "pair" p = (workload, cluster that may host
// it): small enough for an exact MIP at federation scale and cheap for the heuristic to update.
//
// Objective (maximised), the same for both solvers:
//   Σ value[p]·y[p]                      each placed replica's score total (net dominates)
//   − Σ penalty[p]·max(0, cur[p] − y[p]) a move threshold per replica leaving where it runs
//   − Σ unplacedPenalty[w]·(n[w] − Σ y)  priority-weighted, larger than any score difference
// subject to: Σ_p∈w y ≥ keep[w] (running replicas are moved, never dropped), Σ_p∈w y ≤ n[w],
// per cluster and resource Σ req·y ≤ room, and per spread workload at most one replica per
// cluster and none on two clusters that conflict (too close, or one region).
import { capacityShortfall, distanceKm, isSpread, RESOURCE_COUNT, staticVerdict, toRejection, type StaticVerdict } from "./filter";
import { scoreReplica, softScoreScale } from "./score";
import { DEFAULT_PLACEMENT_OPTIONS } from "./types";
import type { PlacementInput, PlacementOptions, Rejection, RejectionReason, ScoreBreakdown } from "./types";
import { resolveReplicas, type ModelReplica } from "./replicas";

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
  pairScore: ScoreBreakdown[];
  /** CSR over pairs: the pairs of the same workload that may not both hold a replica. */
  conflictStart: Int32Array;
  conflictList: Int32Array;
  /** Per distinct-regions workload: the pair groups sharing a region (size ≥ 2). */
  regionGroups: number[][][];
  replicas: ModelReplica[][];
  verdicts: (StaticVerdict | null)[][];
  /** Per workload id: clusters that can take no new replica of it, and why. */
  rejections: Record<string, Rejection[]>;
  /** Per workload: its soft-score scale (for scoring an origin outside the pairs). */
  softScale: Float64Array;
}

export function resolveOptions(input: PlacementInput): PlacementOptions {
  return { ...DEFAULT_PLACEMENT_OPTIONS, ...input.options };
}

export function requirementVector(gpu: boolean, vcpu: number, memoryMb: number, diskGb: number): number[] {
  return [vcpu, memoryMb, diskGb, gpu ? 1 : 0];
}

export function buildModel(input: PlacementInput): PlacementModel {
  const options = resolveOptions(input);
  const { clusters, workloads } = input;
  const C = clusters.length;
  const W = workloads.length;
  const R = RESOURCE_COUNT;
  const clusterIndex = new Map(clusters.map((c, i) => [c.id, i]));
  const req = new Float64Array(W * R);
  workloads.forEach((w, i) => req.set(requirementVector(w.requirements.gpu, w.requirements.vcpu, w.requirements.memoryMb, w.requirements.diskGb), i * R));

  const needsDistances = workloads.some((w) => (w.constraints.minSpreadKm ?? 0) > 0);
  const distances = needsDistances ? distanceMatrix(input) : null;
  const conflicting = (w: number, a: number, b: number): boolean => {
    const cons = workloads[w]!.constraints;
    if (a === b) return true;
    if (cons.distinctRegions && regionOf(input, a) === regionOf(input, b)) return true;
    const min = cons.minSpreadKm ?? 0;
    return min > 0 && distances !== null && distances[a * C + b]! < min;
  };

  const softScale = new Float64Array(W);
  const verdicts: (StaticVerdict | null)[][] = [];
  const scores: (ScoreBreakdown | null)[][] = [];
  const replicas: ModelReplica[][] = [];
  const keptLoad = new Float64Array(C * R);
  const leaveLoad = new Float64Array(C * R);
  const keptCount: Int32Array[] = [];
  const total = new Int32Array(W);
  const keep = new Int32Array(W);

  workloads.forEach((w, wi) => {
    softScale[wi] = softScoreScale(input.revenue[w.id]);
    const wVerdicts = clusters.map((c) => staticVerdict(c, w));
    const wScores = clusters.map((c, ci) =>
      wVerdicts[ci]?.rule.length ? null : scoreReplica(c, w, input.revenue[w.id]?.[c.id], options.headroom, softScale[wi]!),
    );
    verdicts.push(wVerdicts);
    scores.push(wScores);
    const resolved = resolveReplicas(w, clusterIndex, wVerdicts, wScores, (a, b) => conflicting(wi, a, b));
    replicas.push(resolved);
    total[wi] = resolved.length;
    const counts = new Int32Array(C);
    for (const r of resolved) {
      if (r.origin < 0 || r.status === "new") continue;
      const load = r.status === "kept" ? keptLoad : leaveLoad;
      for (let k = 0; k < R; k++) load[r.origin * R + k]! += req[wi * R + k]!;
      if (r.status === "kept") {
        counts[r.origin]!++;
        keep[wi]!++;
      }
    }
    keptCount.push(counts);
  });

  const room = new Float64Array(C * R);
  clusters.forEach((c, ci) => {
    const cap = [c.capacity.vcpu, c.capacity.memoryMb, c.capacity.diskGb, c.capacity.gpus];
    const base = [c.baselineUsed.vcpu, c.baselineUsed.memoryMb, c.baselineUsed.diskGb, c.baselineUsed.gpus];
    for (let k = 0; k < R; k++) {
      const i = ci * R + k;
      // GPUs are whole devices: no reserve is taken from them.
      const usable = k === 3 ? cap[k]! : cap[k]! * (1 - options.headroom);
      // A cluster already past its reserve keeps what runs there but takes nothing more.
      room[i] = Math.max(usable - base[k]! - leaveLoad[i]!, keptLoad[i]!);
    }
  });

  const pairs = { w: [] as number[], c: [] as number[], ub: [] as number[], cur: [] as number[], score: [] as ScoreBreakdown[] };
  const pairStart = new Int32Array(W + 1);
  const rejections: Record<string, Rejection[]> = {};
  workloads.forEach((w, wi) => {
    pairStart[wi] = pairs.w.length;
    const list: Rejection[] = [];
    const spread = isSpread(w.constraints);
    const wreq = req.subarray(wi * R, wi * R + R);
    clusters.forEach((c, ci) => {
      const verdict = verdicts[wi]![ci] ?? null;
      const cur = keptCount[wi]![ci]!;
      const reasons: RejectionReason[] = verdict ? [...verdict.rule, ...verdict.health] : [];
      const details = verdict ? [...verdict.details] : [];
      const shortfall = capacityShortfall(wreq, room, ci * R, options.headroom);
      if (shortfall && reasons.length === 0) {
        reasons.push("capacity");
        details.push(shortfall);
      }
      if (reasons.length > 0) list.push(toRejection(c.id, reasons, details));
      if (verdict?.rule.length || (reasons.length > 0 && cur === 0)) return;
      let ub = verdict?.health.length ? cur : spread ? 1 : total[wi]!;
      for (let k = 0; k < R; k++) if (wreq[k]! > 0) ub = Math.min(ub, Math.floor(room[ci * R + k]! / wreq[k]! + 1e-9));
      ub = Math.max(ub, cur);
      if (ub === 0) return;
      pairs.w.push(wi);
      pairs.c.push(ci);
      pairs.ub.push(ub);
      pairs.cur.push(cur);
      pairs.score.push(scores[wi]![ci]!);
    });
    rejections[w.id] = list;
  });
  pairStart[W] = pairs.w.length;
  const P = pairs.w.length;

  const pairValue = Float64Array.from(pairs.score, (s) => s.total);
  const pairPenalty = Float64Array.from(pairs.score, (s) => Math.max(options.moveThreshold * Math.abs(s.netUsd), options.minMoveGainUsd));
  const unplacedPenalty = unplacedPenalties(input, req, pairValue, pairPenalty);

  // Spread conflicts between a workload's pairs, and its region groups for the exact model.
  const conflictLists: number[][] = Array.from({ length: P }, () => []);
  const regionGroups: number[][][] = workloads.map(() => []);
  workloads.forEach((w, wi) => {
    if (!isSpread(w.constraints)) return;
    const from = pairStart[wi]!;
    const to = pairStart[wi + 1]!;
    for (let p = from; p < to; p++)
      for (let q = p + 1; q < to; q++)
        if (conflicting(wi, pairs.c[p]!, pairs.c[q]!)) {
          conflictLists[p]!.push(q);
          conflictLists[q]!.push(p);
        }
    if (w.constraints.distinctRegions) {
      const byRegion = new Map<string, number[]>();
      for (let p = from; p < to; p++) {
        const key = regionOf(input, pairs.c[p]!);
        const group = byRegion.get(key);
        if (group) group.push(p);
        else byRegion.set(key, [p]);
      }
      regionGroups[wi] = [...byRegion.values()].filter((g) => g.length > 1);
    }
  });
  const conflictStart = new Int32Array(P + 1);
  conflictLists.forEach((l, p) => (conflictStart[p + 1] = conflictStart[p]! + l.length));
  const conflictList = Int32Array.from(conflictLists.flat());

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
    pairCluster: Int32Array.from(pairs.c),
    pairUb: Int32Array.from(pairs.ub),
    pairCur: Int32Array.from(pairs.cur),
    pairValue,
    pairPenalty,
    pairScore: pairs.score,
    conflictStart,
    conflictList,
    regionGroups,
    replicas,
    verdicts,
    rejections,
    softScale,
  };
}

/** A cluster without a region is a region of its own: nothing proves it shares one. */
export function regionOf(input: PlacementInput, ci: number): string {
  const c = input.clusters[ci]!;
  return c.region ?? `\u0000${c.id}`;
}

function distanceMatrix(input: PlacementInput): Float64Array {
  const C = input.clusters.length;
  const d = new Float64Array(C * C);
  for (let a = 0; a < C; a++)
    for (let b = a + 1; b < C; b++) d[a * C + b] = d[b * C + a] = distanceKm(input.clusters[a]!, input.clusters[b]!);
  return d;
}

/**
 * Leaving a replica unplaced costs more than any score difference, scaled by its priority rank
 * (higher priority, higher cost) and its size (a big replica outweighs the small ones that could
 * fill its place), so scarce capacity goes to priority first, then to money.
 */
function unplacedPenalties(input: PlacementInput, req: Float64Array, value: Float64Array, penalty: Float64Array): Float64Array {
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
  return Float64Array.from({ length: W }, (_, wi) => base * (1 + ranks.indexOf(input.workloads[wi]!.priority)) * Math.min(16, size[wi]! / minSize));
}

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
