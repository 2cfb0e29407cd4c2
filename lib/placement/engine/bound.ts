// A cheap proven upper bound for instances too big for the LP relaxation: Lagrangian relaxation of
// the capacity rows. For any prices λ ≥ 0 on each cluster's resources,
//   L(λ) = Σ λ·room + Σ_w max { objective_w(y) − λ·use_w(y) }
// bounds the objective from above, because every feasible plan pays at most λ·room. Each
// workload's maximum is separable once capacity is priced (spread relaxed to y ≤ 1 per pair,
// which only loosens it), so one evaluation is a sort per workload. A few subgradient steps lower
// the prices' bound towards the optimum.
import { RESOURCE_COUNT } from "./filter";
import type { PlacementModel } from "./model";
import { objectiveOf } from "./objective";

const ITERATIONS = 30;

export function lagrangianBound(model: PlacementModel, incumbent: Int32Array): number {
  const target = objectiveOf(model, incumbent);
  const lambda = new Float64Array(model.room.length);
  const use = new Float64Array(model.room.length);
  let best = Infinity;
  let step = 1;
  let stale = 0;
  let widest = 1;
  for (let w = 0; w < model.total.length; w++)
    widest = Math.max(widest, 2 * (model.pairStart[w + 1]! - model.pairStart[w]!) + 1);
  const top = new TopUnits(widest);
  for (let it = 0; it < ITERATIONS; it++) {
    const value = evaluate(model, lambda, use, top);
    if (value < best - 1e-9) {
      best = value;
      stale = 0;
    } else if (++stale >= 4) {
      step /= 2;
      stale = 0;
    }
    let norm = 0;
    for (let i = 0; i < use.length; i++) {
      const g = model.room[i]! - use[i]!;
      // A price already at zero with slack to spare stays there: that direction cannot lower L.
      if (lambda[i]! > 0 || g < 0) norm += g * g;
    }
    if (norm === 0 || best - target <= 1e-9 * Math.max(1, Math.abs(target))) break;
    const t = (step * (value - target)) / norm;
    for (let i = 0; i < use.length; i++) lambda[i] = Math.max(0, lambda[i]! - t * (model.room[i]! - use[i]!));
  }
  return best;
}

/** L(λ); fills `use` with the resources the relaxed optimum takes per cluster. */
function evaluate(model: PlacementModel, lambda: Float64Array, use: Float64Array, top: TopUnits): number {
  const R = RESOURCE_COUNT;
  use.fill(0);
  let total = 0;
  for (let i = 0; i < lambda.length; i++) total += lambda[i]! * model.room[i]!;
  for (let w = 0; w < model.total.length; w++) {
    const need = model.total[w]!;
    top.reset(need);
    total -= model.unplacedPenalty[w]! * need;
    for (let p = model.pairStart[w]!; p < model.pairStart[w + 1]!; p++) {
      const c = model.pairCluster[p]!;
      let price = 0;
      for (let k = 0; k < R; k++) price += lambda[c * R + k]! * model.req[w * R + k]!;
      const a = model.pairValue[p]! + model.unplacedPenalty[w]! - price;
      const cur = Math.min(model.pairCur[p]!, model.pairUb[p]!);
      // −pen·max(0, cur − y) = −pen·cur + pen·min(y, cur): the first cur units earn pen more.
      total -= model.pairPenalty[p]! * model.pairCur[p]!;
      if (cur > 0) top.offer(a + model.pairPenalty[p]!, p, cur);
      if (model.pairUb[p]! > cur) top.offer(a, p, model.pairUb[p]! - cur);
    }
    let taken = 0;
    for (let i = 0; i < top.length && taken < need; i++) {
      const value = top.value[i]!;
      if (taken >= model.keep[w]! && value <= 0) break;
      const n = Math.min(top.count[i]!, need - taken, value > 0 ? Infinity : model.keep[w]! - taken);
      taken += n;
      total += n * value;
      const c = model.pairCluster[top.pair[i]!]!;
      for (let k = 0; k < R; k++) use[c * R + k]! += n * model.req[w * R + k]!;
    }
  }
  return total;
}

/**
 * The best units offered, kept sorted by value and trimmed to what covers `need` units: a
 * workload needs a handful of its hundreds of offers, so this beats sorting them all.
 */
class TopUnits {
  value: Float64Array;
  pair: Int32Array;
  count: Int32Array;
  length = 0;
  private units = 0;
  private need = 0;

  constructor(capacity: number) {
    this.value = new Float64Array(capacity);
    this.pair = new Int32Array(capacity);
    this.count = new Int32Array(capacity);
  }

  reset(need: number): void {
    this.length = 0;
    this.units = 0;
    this.need = need;
  }

  offer(value: number, pair: number, count: number): void {
    if (this.need === 0 || (this.units >= this.need && value <= this.value[this.length - 1]!)) return;
    let i = this.length++;
    while (i > 0 && this.value[i - 1]! < value) {
      this.value[i] = this.value[i - 1]!;
      this.pair[i] = this.pair[i - 1]!;
      this.count[i] = this.count[i - 1]!;
      i--;
    }
    this.value[i] = value;
    this.pair[i] = pair;
    this.count[i] = count;
    this.units += count;
    while (this.length > 1 && this.units - this.count[this.length - 1]! >= this.need)
      this.units -= this.count[--this.length]!;
  }
}
