// What the placement model needs that does not depend on where replicas go: per workload ×
// cluster the rule verdicts and scores, which replicas must leave, the spread test. Computed once
// per solve and shared by the refinement passes (see solver/solve.ts).
import { distanceKm, RESOURCE_COUNT, staticVerdict, toRejection, type StaticVerdict } from "./filter";
import { resolveReplicas, type ModelReplica } from "./replicas";
import { clusterSoftScore, powerCostUsd, softScoreScale } from "./score";
import type { PlacementInput, PlacementOptions, Rejection } from "./types";

export interface Statics {
  options: PlacementOptions;
  clusterIndex: Map<string, number>;
  /** Per workload × resource: what one replica needs (GPUs: 1 or 0). */
  req: Float64Array;
  /** Per cluster: a region number (a cluster without a region is one of its own). */
  region: Int32Array;
  conflicting: (w: number, a: number, b: number) => boolean;
  softScale: Float64Array;
  verdicts: (StaticVerdict | null)[][];
  /** Per workload × cluster: a replica's net and score total (NaN where a rule forbids the cluster). */
  net: Float64Array;
  value: Float64Array;
  replicas: ModelReplica[][];
  /** Per workload: the rejection, by cluster index, of each cluster its rules or the cluster's state rule out. */
  ruleRejections: Map<number, Rejection>[];
}

export function computeStatics(input: PlacementInput, options: PlacementOptions): Statics {
  const { clusters, workloads } = input;
  const C = clusters.length;
  const W = workloads.length;
  const R = RESOURCE_COUNT;
  const clusterIndex = new Map(clusters.map((c, i) => [c.id, i]));
  const req = new Float64Array(W * R);
  workloads.forEach((w, i) =>
    req.set(
      requirementVector(w.requirements.gpu, w.requirements.vcpu, w.requirements.memoryMb, w.requirements.diskGb),
      i * R,
    ),
  );

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
  const ruleRejections: Map<number, Rejection>[] = [];

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
    const rejected = new Map<number, Rejection>();
    wVerdicts.forEach(
      (v, ci) => v && rejected.set(ci, toRejection(clusters[ci]!.id, [...v.rule, ...v.health], v.details)),
    );
    ruleRejections.push(rejected);
    replicas.push(
      resolveReplicas(w, clusterIndex, wVerdicts, value.subarray(wi * C, wi * C + C), (a, b) => conflicting(wi, a, b)),
    );
  });
  return { options, clusterIndex, req, region, conflicting, softScale, verdicts, net, value, replicas, ruleRejections };
}

export function requirementVector(gpu: boolean, vcpu: number, memoryMb: number, diskGb: number): number[] {
  return [vcpu, memoryMb, diskGb, gpu ? 1 : 0];
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
