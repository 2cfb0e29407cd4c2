// From a solver's counts to the plan people read: which replica goes where, each move with both
// score breakdowns, the clusters ruled out and one sentence of why.
import { capacityShortfall, RESOURCE_COUNT, toRejection } from "./filter";
import { objectiveOf, type PlacementModel } from "./model";
import { spreadWords } from "./replicas";
import { scoreReplica } from "./score";
import type { Assignment, Move, Plan, Rejection, ScoreBreakdown } from "./types";

export interface SolveMeta {
  solver: Plan["solver"];
  optimal: boolean;
  bound: number | null;
  boundKind: Plan["boundKind"];
  solveMs: number;
}

export function buildPlan(model: PlacementModel, y: Int32Array, meta: SolveMeta): Plan {
  const { input } = model;
  const R = RESOURCE_COUNT;
  const left = Float64Array.from(model.room);
  for (let p = 0; p < y.length; p++) {
    const w = workloadOfPair(model, p);
    for (let k = 0; k < R; k++) left[model.pairCluster[p]! * R + k]! -= y[p]! * model.req[w * R + k]!;
  }
  const assignments: Assignment[] = [];
  const moves: Move[] = [];
  const placements: Assignment[] = [];
  const stranded: Assignment[] = [];
  let netBefore = 0;
  let netAfter = 0;

  input.workloads.forEach((w, wi) => {
    const from = model.pairStart[wi]!;
    const to = model.pairStart[wi + 1]!;
    const pairAt = new Map<number, number>();
    for (let p = from; p < to; p++) pairAt.set(model.pairCluster[p]!, p);
    const originScore = (ci: number): ScoreBreakdown => {
      const p = pairAt.get(ci);
      if (p !== undefined) return model.pairScore[p]!;
      const cluster = input.clusters[ci]!;
      return scoreReplica(cluster, w, input.revenue[w.id]?.[cluster.id], model.options.headroom, model.softScale[wi]!);
    };
    // Replicas that stay take their own cluster's slots first; the others fill the rest, best slot first.
    const free = new Map<number, number>();
    for (let p = from; p < to; p++) free.set(p, y[p]!);
    const result = new Map<string, Assignment>();
    const movers: typeof model.replicas[number] = [];
    for (const r of model.replicas[wi]!) {
      if (r.origin >= 0) netBefore += originScore(r.origin).netUsd;
      const p = r.status === "kept" ? pairAt.get(r.origin) : undefined;
      if (p !== undefined && free.get(p)! > 0) {
        free.set(p, free.get(p)! - 1);
        const breakdown = model.pairScore[p]!;
        netAfter += breakdown.netUsd;
        result.set(r.replica.key, { workloadId: w.id, replicaKey: r.replica.key, fromClusterId: r.replica.clusterId, clusterId: input.clusters[r.origin]!.id, breakdown });
      } else movers.push(r);
    }
    const slots: number[] = [];
    for (const [p, count] of free) for (let i = 0; i < count; i++) slots.push(p);
    slots.sort((a, b) => model.pairValue[b]! - model.pairValue[a]! || a - b);
    // Running replicas first (they must end somewhere), new ones after.
    movers.sort((a, b) => Number(a.status === "new") - Number(b.status === "new"));
    const staticByCluster = new Map(model.rejections[w.id]!.map((rej) => [rej.clusterId, rej]));
    movers.forEach((r, i) => {
      const slot = slots[i];
      const fromId = r.origin >= 0 ? input.clusters[r.origin]!.id : null;
      if (slot === undefined) {
        const a: Assignment = { workloadId: w.id, replicaKey: r.replica.key, fromClusterId: r.replica.clusterId, clusterId: null, breakdown: null };
        result.set(r.replica.key, a);
        if (r.origin >= 0) {
          netAfter += originScore(r.origin).netUsd;
          stranded.push(a);
        }
        return;
      }
      const target = input.clusters[model.pairCluster[slot]!]!;
      const breakdown = model.pairScore[slot]!;
      netAfter += breakdown.netUsd;
      const a: Assignment = { workloadId: w.id, replicaKey: r.replica.key, fromClusterId: r.replica.clusterId, clusterId: target.id, breakdown };
      result.set(r.replica.key, a);
      if (r.origin < 0 || fromId === null) return;
      const fromScore = originScore(r.origin);
      const ruledOut: Rejection[] = [];
      input.clusters.forEach((c, ci) => {
        if (ci === r.origin || c.id === target.id) return;
        const fixed = staticByCluster.get(c.id);
        if (fixed) return void ruledOut.push(fixed);
        const p = pairAt.get(ci);
        if (p === undefined) return;
        if (isSpreadBlocked(model, y, p)) return void ruledOut.push(toRejection(c.id, ["spread"], [spreadWords(w)]));
        const short = capacityShortfall(model.req.subarray(wi * R, wi * R + R), left, ci * R, model.options.headroom);
        if (short) ruledOut.push(toRejection(c.id, ["capacity"], [short + " in this plan"]));
      });
      const forced = r.status === "must-leave";
      moves.push({
        workloadId: w.id,
        replicaKey: r.replica.key,
        vmid: r.replica.vmid,
        guestName: r.replica.guestName,
        fromClusterId: fromId,
        toClusterId: target.id,
        gainMonthlyUsd: breakdown.netUsd - fromScore.netUsd,
        from: fromScore,
        to: breakdown,
        ruledOut,
        reason: forced
          ? `Must leave ${input.clusters[r.origin]!.name} (${r.leaveDetail}); ${target.name} is the best cluster left, netting ${usd(breakdown.netUsd)} a month.`
          : moveReason(input.clusters[r.origin]!.name, target.name, fromScore, breakdown, model.pairPenalty[pairAt.get(r.origin) ?? slot]!),
        forced,
      });
    });
    for (const r of model.replicas[wi]!) {
      const a = result.get(r.replica.key)!;
      assignments.push(a);
      if (r.origin < 0) placements.push(a);
    }
  });

  const objective = objectiveOf(model, y);
  const gap = meta.bound === null ? null : meta.optimal ? 0 : Math.max(0, (meta.bound - objective) / Math.max(1, Math.abs(meta.bound)));
  return { ...meta, assignments, moves, placements, stranded, objective, gap, netBeforeUsd: netBefore, netAfterUsd: netAfter, rejections: model.rejections };
}

function workloadOfPair(model: PlacementModel, p: number): number {
  let lo = 0;
  let hi = model.total.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (model.pairStart[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The plan already holds a replica of this workload at p, or at a cluster that conflicts with p. */
function isSpreadBlocked(model: PlacementModel, y: Int32Array, p: number): boolean {
  if (model.conflictStart[p + 1]! === model.conflictStart[p]!) return false;
  if (y[p]! > 0) return true;
  for (let i = model.conflictStart[p]!; i < model.conflictStart[p + 1]!; i++) if (y[model.conflictList[i]!]! > 0) return true;
  return false;
}

function usd(value: number): string {
  return `${Math.round(value)} USD`;
}

function moveReason(fromName: string, toName: string, from: ScoreBreakdown, to: ScoreBreakdown, threshold: number): string {
  const revenueGain = to.revenueUsd - from.revenueUsd;
  const powerSaving = from.powerCostUsd - to.powerCostUsd;
  const why = powerSaving >= revenueGain ? `mostly cheaper power (${usd(to.powerCostUsd)} vs ${usd(from.powerCostUsd)})` : `mostly more revenue (${usd(to.revenueUsd)} vs ${usd(from.revenueUsd)}, ${to.revenueSource})`;
  return `${toName} nets ${usd(to.netUsd)} a month against ${usd(from.netUsd)} on ${fromName}, ${why}, more than the ${usd(threshold)} a move must gain.`;
}
