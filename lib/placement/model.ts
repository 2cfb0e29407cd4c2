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
import { clusterSoftScore, powerCostUsd, scoreReplica, softScoreScale } from "./score";
import { DEFAULT_PLACEMENT_OPTIONS } from "./types";
import type { PlacementInput, PlacementOptions, Rejection, ScoreBreakdown } from "./types";
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
  pairWorkload: Int32Array;
  /** Per workload: 1 when a spread rule (distance or regions) applies. */
  spread: Uint8Array;
  /** Whether two clusters may not both hold a replica of workload w (true for a === b). */
  conflicts: (w: number, a: number, b: number) => boolean;
  /** Per distinct-regions workload: the pair groups sharing a region (size ≥ 2). */
  regionGroups: number[][][];
  replicas: ModelReplica[][];
  verdicts: (StaticVerdict | null)[][];
  /** Per workload: how many must-leave replicas have their load counted where they run. */
  strandedCounted: Int32Array;
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

/**
 * A second pass's knowledge from the first plan: per workload, how many of its must-leave
 * replicas (the last ones in input order) stay stranded, so only their load still counts where
 * they run, and how many replicas the first plan placed, which the second must place too.
 */
export interface Refinement {
  stranded: Int32Array;
  minPlaced: Int32Array;
}

export function buildModel(input: PlacementInput, refinement?: Refinement): PlacementModel {
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
  const regionIds = new Map<string, number>();
  const region = Int32Array.from(clusters, (_, ci) => {
    const key = regionOf(input, ci);
    if (!regionIds.has(key)) regionIds.set(key, regionIds.size);
    return regionIds.get(key)!;
  });
  const byRegion = Uint8Array.from(workloads, (w) => (w.constraints.distinctRegions ? 1 : 0));
  const minKm = Float64Array.from(workloads, (w) => w.constraints.minSpreadKm ?? 0);
  const conflicting = (w: number, a: number, b: number): boolean =>
    a === b || (byRegion[w] === 1 && region[a] === region[b]) || (minKm[w]! > 0 && distances![a * C + b]! < minKm[w]!);

  const softScale = new Float64Array(W);
  const clusterSoft = Float64Array.from(clusters, (c) => clusterSoftScore(c, options.headroom));
  const verdicts: (StaticVerdict | null)[][] = [];
  // Per workload × cluster: a replica's net and score total (NaN where a rule forbids the cluster).
  const net = new Float64Array(W * C);
  const value = new Float64Array(W * C);
  const replicas: ModelReplica[][] = [];
  const keptLoad = new Float64Array(C * R);
  const leaveLoad = new Float64Array(C * R);
  const keptCount = new Int32Array(W * C);
  const total = new Int32Array(W);
  const keep = new Int32Array(W);
  const strandedCounted = new Int32Array(W);

  workloads.forEach((w, wi) => {
    softScale[wi] = softScoreScale(input.revenue[w.id]);
    const wVerdicts = clusters.map((c) => staticVerdict(c, w));
    const revenue = input.revenue[w.id];
    for (let ci = 0; ci < C; ci++) {
      const i = wi * C + ci;
      if (wVerdicts[ci]?.rule.length) {
        net[i] = value[i] = NaN;
        continue;
      }
      const c = clusters[ci]!;
      net[i] = (revenue?.[c.id]?.monthlyUsd ?? 0) - powerCostUsd(c, w);
      value[i] = net[i]! + softScale[wi]! * clusterSoft[ci]!;
    }
    verdicts.push(wVerdicts);
    const resolved = resolveReplicas(w, clusterIndex, wVerdicts, value.subarray(wi * C, wi * C + C), (a, b) => conflicting(wi, a, b));
    replicas.push(resolved);
    total[wi] = resolved.length;
    // A must-leave replica's load counts where it runs until it is known to leave (first pass:
    // all of them; second pass: only those the first plan strands).
    let leaving = resolved.filter((r) => r.status === "must-leave").length;
    const stranded = refinement ? refinement.stranded[wi]! : leaving;
    strandedCounted[wi] = Math.min(stranded, leaving);
    for (const r of resolved) {
      if (r.origin < 0 || r.status === "new") continue;
      if (r.status === "must-leave" && leaving-- > stranded) continue;
      const load = r.status === "kept" ? keptLoad : leaveLoad;
      for (let k = 0; k < R; k++) load[r.origin * R + k]! += req[wi * R + k]!;
      if (r.status === "kept") {
        keptCount[wi * C + r.origin]!++;
        keep[wi]!++;
      }
    }
  });

  if (refinement) for (let wi = 0; wi < W; wi++) keep[wi] = Math.max(keep[wi]!, Math.min(total[wi]!, refinement.minPlaced[wi]!));

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
      const shortfall = capacityShortfall(wreq, room, ci * R, options.headroom);
      if (verdict) list.push(toRejection(clusters[ci]!.id, [...verdict.rule, ...verdict.health], verdict.details));
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
  const pairPenalty = Float64Array.from(pairWorkload, (wi, p) => Math.max(options.moveThreshold * Math.abs(net[wi * C + pairCluster[p]!]!), options.minMoveGainUsd));
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
    strandedCounted,
  };
}

/** The explainable score of one replica of workload wi at cluster ci (built on demand, not in hot loops). */
export function breakdownAt(model: PlacementModel, wi: number, ci: number): ScoreBreakdown {
  const w = model.input.workloads[wi]!;
  const c = model.input.clusters[ci]!;
  return scoreReplica(c, w, model.input.revenue[w.id]?.[c.id], model.options.headroom, model.softScale[wi]!);
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
