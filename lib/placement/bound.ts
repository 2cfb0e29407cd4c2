// A cheap proven upper bound for instances too big for the LP relaxation: Lagrangian relaxation of
// the capacity rows. For any prices λ ≥ 0 on each cluster's resources,
//   L(λ) = Σ λ·room + Σ_w max { objective_w(y) − λ·use_w(y) }
// bounds the objective from above, because every feasible plan pays at most λ·room. Each
// workload's maximum is separable once capacity is priced (spread relaxed to y ≤ 1 per pair,
// which only loosens it), so one evaluation is a sort per workload. A few subgradient steps lower
// the prices' bound towards the optimum.
import { RESOURCE_COUNT } from "./filter";
import { objectiveOf, type PlacementModel } from "./model";

const ITERATIONS = 30;

export function lagrangianBound(model: PlacementModel, incumbent: Int32Array): number {
  const target = objectiveOf(model, incumbent);
  const lambda = new Float64Array(model.room.length);
  const use = new Float64Array(model.room.length);
  let best = Infinity;
  let step = 1;
  let stale = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const value = evaluate(model, lambda, use);
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
function evaluate(model: PlacementModel, lambda: Float64Array, use: Float64Array): number {
  const R = RESOURCE_COUNT;
  use.fill(0);
  let total = 0;
  for (let i = 0; i < lambda.length; i++) total += lambda[i]! * model.room[i]!;
  const blocks: { p: number; value: number; count: number }[] = [];
  for (let w = 0; w < model.total.length; w++) {
    blocks.length = 0;
    total -= model.unplacedPenalty[w]! * model.total[w]!;
    for (let p = model.pairStart[w]!; p < model.pairStart[w + 1]!; p++) {
      const c = model.pairCluster[p]!;
      let price = 0;
      for (let k = 0; k < R; k++) price += lambda[c * R + k]! * model.req[w * R + k]!;
      const a = model.pairValue[p]! + model.unplacedPenalty[w]! - price;
      const cur = Math.min(model.pairCur[p]!, model.pairUb[p]!);
      // −pen·max(0, cur − y) = −pen·cur + pen·min(y, cur): the first cur units earn pen more.
      total -= model.pairPenalty[p]! * model.pairCur[p]!;
      if (cur > 0) blocks.push({ p, value: a + model.pairPenalty[p]!, count: cur });
      if (model.pairUb[p]! > cur) blocks.push({ p, value: a, count: model.pairUb[p]! - cur });
    }
    blocks.sort((x, y) => y.value - x.value);
    let taken = 0;
    for (const b of blocks) {
      if (taken >= model.total[w]! || (taken >= model.keep[w]! && b.value <= 0)) break;
      const n = Math.min(b.count, model.total[w]! - taken, b.value > 0 ? Infinity : model.keep[w]! - taken);
      taken += n;
      total += n * b.value;
      const c = model.pairCluster[b.p]!;
      for (let k = 0; k < R; k++) use[c * R + k]! += n * model.req[w * R + k]!;
    }
  }
  return total;
}
