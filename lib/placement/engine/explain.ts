// From a solver's counts to the plan people read: which replica goes where, each move with both
// score breakdowns, the clusters ruled out and one sentence of why.
import { capacityShortfall, RESOURCE_COUNT, toRejection } from "./filter";
import { breakdownAt, type PlacementModel } from "./model";
import { objectiveOf } from "./objective";
import { spreadWords } from "./replicas";
import type { Assignment, Move, Plan, Rejection, ScoreBreakdown } from "./types";

const MOVER_ORDER = { kept: 0, "must-leave": 1, new: 2 } as const;

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
    const w = model.pairWorkload[p]!;
    for (let k = 0; k < R; k++) left[model.pairCluster[p]! * R + k]! -= y[p]! * model.req[w * R + k]!;
  }
  const assignments: Assignment[] = [];
  const moves: Move[] = [];
  const placements: Assignment[] = [];
  const stranded: Assignment[] = [];
  let netBefore = 0;
  let netAfter = 0;

  // Per cluster, the current workload's pair there (-1: none); set and cleared per workload.
  const pairAtCluster = new Int32Array(input.clusters.length).fill(-1);
  const pairAt = {
    get: (ci: number): number | undefined => (pairAtCluster[ci]! >= 0 ? pairAtCluster[ci]! : undefined),
  };
  // Slots each pair still has for replicas arriving there.
  const free = Int32Array.from(y);
  input.workloads.forEach((w, wi) => {
    const from = model.pairStart[wi]!;
    const to = model.pairStart[wi + 1]!;
    for (let p = from; p < to; p++) pairAtCluster[model.pairCluster[p]!] = p;
    // One breakdown object per cluster the workload touches, shared by its replicas there.
    const scores = new Map<number, ScoreBreakdown>();
    const scoreAt = (ci: number): ScoreBreakdown => {
      let score = scores.get(ci);
      if (!score) scores.set(ci, (score = breakdownAt(model, wi, ci)));
      return score;
    };
    // Replicas that stay take their own cluster's slots first; the others fill the rest, best slot first.
    const result = new Map<string, Assignment>();
    const movers: (typeof model.replicas)[number] = [];
    for (const r of model.replicas[wi]!) {
      if (r.origin >= 0) netBefore += scoreAt(r.origin).netUsd;
      const p = r.status === "kept" ? pairAt.get(r.origin) : undefined;
      if (p !== undefined && free[p]! > 0) {
        free[p]!--;
        const breakdown = scoreAt(r.origin);
        netAfter += breakdown.netUsd;
        result.set(r.replica.key, {
          workloadId: w.id,
          replicaKey: r.replica.key,
          fromClusterId: r.replica.clusterId,
          clusterId: input.clusters[r.origin]!.id,
          breakdown,
        });
      } else movers.push(r);
    }
    const slots: number[] = [];
    for (let p = from; p < to; p++) for (let i = 0; i < free[p]!; i++) slots.push(p);
    slots.sort((a, b) => model.pairValue[b]! - model.pairValue[a]! || a - b);
    // Replicas that could stay but leave first (the model never drops them), then those that
    // must leave (the last of them stranded if slots run out), new ones last.
    movers.sort((a, b) => MOVER_ORDER[a.status] - MOVER_ORDER[b.status]);
    let ruledOutBase: Rejection[] | null = null;
    // Replicas of one workload moving along the same route share one list (read-only).
    const ruledOutByRoute = new Map<string, Rejection[]>();
    movers.forEach((r, i) => {
      const slot = slots[i];
      const fromId = r.origin >= 0 ? input.clusters[r.origin]!.id : null;
      if (slot === undefined) {
        const a: Assignment = {
          workloadId: w.id,
          replicaKey: r.replica.key,
          fromClusterId: r.replica.clusterId,
          clusterId: null,
          breakdown: null,
        };
        result.set(r.replica.key, a);
        if (r.origin >= 0) {
          netAfter += scoreAt(r.origin).netUsd;
          stranded.push(a);
        }
        return;
      }
      const target = input.clusters[model.pairCluster[slot]!]!;
      const breakdown = scoreAt(model.pairCluster[slot]!);
      netAfter += breakdown.netUsd;
      const a: Assignment = {
        workloadId: w.id,
        replicaKey: r.replica.key,
        fromClusterId: r.replica.clusterId,
        clusterId: target.id,
        breakdown,
      };
      result.set(r.replica.key, a);
      if (r.origin < 0 || fromId === null) return;
      const fromScore = scoreAt(r.origin);
      ruledOutBase ??= ruledOutFor(model, y, left, wi, pairAt);
      const routeKey = `${fromId}\u0000${target.id}`;
      let ruledOut = ruledOutByRoute.get(routeKey);
      if (!ruledOut) {
        ruledOut = ruledOutBase.filter((rej) => rej.clusterId !== fromId && rej.clusterId !== target.id);
        ruledOutByRoute.set(routeKey, ruledOut);
      }
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
          : moveReason(
              input.clusters[r.origin]!.name,
              target.name,
              fromScore,
              breakdown,
              model.pairPenalty[pairAt.get(r.origin) ?? slot]!,
            ),
        forced,
      });
    });
    for (const r of model.replicas[wi]!) {
      const a = result.get(r.replica.key)!;
      assignments.push(a);
      if (r.origin < 0) placements.push(a);
    }
    for (let p = from; p < to; p++) pairAtCluster[model.pairCluster[p]!] = -1;
  });

  const objective = objectiveOf(model, y);
  const gap =
    meta.bound === null
      ? null
      : meta.optimal
        ? 0
        : Math.max(0, (meta.bound - objective) / Math.max(1, Math.abs(meta.bound)));
  return {
    ...meta,
    assignments,
    moves,
    placements,
    stranded,
    objective,
    gap,
    netBeforeUsd: netBefore,
    netAfterUsd: netAfter,
    rejections: model.rejections,
  };
}

/** Every cluster that cannot take one more replica of workload wi in this plan, and why. */
function ruledOutFor(
  model: PlacementModel,
  y: Int32Array,
  left: Float64Array,
  wi: number,
  pairAt: { get(ci: number): number | undefined },
): Rejection[] {
  const R = RESOURCE_COUNT;
  const w = model.input.workloads[wi]!;
  const fixed = new Map(model.rejections[w.id]!.map((rej) => [rej.clusterId, rej]));
  const out: Rejection[] = [];
  model.input.clusters.forEach((c, ci) => {
    const rej = fixed.get(c.id);
    if (rej) return void out.push(rej);
    const p = pairAt.get(ci);
    if (p === undefined) return;
    if (isSpreadBlocked(model, y, p)) return void out.push(toRejection(c.id, ["spread"], [spreadWords(w)]));
    const short = capacityShortfall(model.req.subarray(wi * R, wi * R + R), left, ci * R, model.options.headroom);
    if (short) out.push(toRejection(c.id, ["capacity"], [short + " in this plan"]));
  });
  return out;
}

/** The plan already holds a replica of this workload at p, or at a cluster that conflicts with p. */
function isSpreadBlocked(model: PlacementModel, y: Int32Array, p: number): boolean {
  const w = model.pairWorkload[p]!;
  if (!model.spread[w]) return false;
  if (y[p]! > 0) return true;
  for (let q = model.pairStart[w]!; q < model.pairStart[w + 1]!; q++)
    if (y[q]! > 0 && model.conflicts(w, model.pairCluster[p]!, model.pairCluster[q]!)) return true;
  return false;
}

function usd(value: number): string {
  return `${Math.round(value)} USD`;
}

function moveReason(
  fromName: string,
  toName: string,
  from: ScoreBreakdown,
  to: ScoreBreakdown,
  threshold: number,
): string {
  const revenueGain = to.revenueUsd - from.revenueUsd;
  const powerSaving = from.powerCostUsd - to.powerCostUsd;
  const why =
    powerSaving >= revenueGain
      ? `mostly cheaper power (${usd(to.powerCostUsd)} vs ${usd(from.powerCostUsd)})`
      : `mostly more revenue (${usd(to.revenueUsd)} vs ${usd(from.revenueUsd)}, ${to.revenueSource})`;
  return `${toName} nets ${usd(to.netUsd)} a month against ${usd(from.netUsd)} on ${fromName}, ${why}, more than the ${usd(threshold)} a move must gain.`;
}
