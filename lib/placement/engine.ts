// The placement engine's one entry point: a federation snapshot in, a plan out. Pure: no I/O
// beyond HiGHS's WebAssembly, loaded once per process on the first MIP or LP solve. HiGHS runs
// synchronously: a solve holds the event loop for up to options.exactTimeLimitSeconds.
import { lagrangianBound } from "./bound";
import { solveExact, solveRelaxation } from "./exact";
import { buildPlan, strandedCounts } from "./explain";
import { solveHeuristic } from "./heuristic";
import { buildModel, type PlacementModel } from "./model";
import { spreadEdges } from "./objective";
import type { Plan, PlacementInput } from "./types";

/** "auto" uses the exact solver up to this many (workload, cluster) pairs… */
export const EXACT_MAX_PAIRS = 2000;
/** …and this many spread conflicts (each one a row of the MIP). */
export const EXACT_MAX_CONFLICTS = 40_000;
/** The heuristic's gap is measured against the LP relaxation up to this size, beyond by a Lagrangian bound. */
export const RELAXATION_MAX_PAIRS = 20_000;
/** Extra passes at most while the stranded replicas settle (see solvePlacement). */
const MAX_REFINEMENTS = 4;

export async function solvePlacement(input: PlacementInput): Promise<Plan> {
  const started = performance.now();
  const first = buildModel(input);
  const choice = first.options.solver === "auto" ? (fitsExact(first) ? "exact" : "heuristic") : first.options.solver;
  const solve = async (model: PlacementModel, start?: Int32Array) => {
    const heuristic = solveHeuristic(model, start);
    return choice === "exact" ? await solveExact(model, heuristic) : { y: heuristic, optimal: false, bound: null };
  };
  let model = first;
  let result = await solve(first);
  // The first pass counts every must-leave replica's load where it runs, not knowing which will
  // find a place. Those that do free their room: solve again with only the stranded ones counted
  // (and at least as many replicas placed) until that set stops shrinking, so the plan uses the
  // room now rather than a rerun proposing more moves. Rarely more than one extra pass.
  for (let pass = 0; pass < MAX_REFINEMENTS; pass++) {
    const stranded = strandedCounts(model, result.y);
    if (stranded.every((n, w) => n === model.strandedCounted[w])) break;
    const next = buildModel(input, { stranded, minPlaced: placedCounts(model, result.y) }, model.statics);
    result = await solve(next, remap(model, next, result.y));
    model = next;
  }
  if (choice === "exact") {
    return buildPlan(model, result.y, { solver: "exact", optimal: result.optimal, bound: result.bound, boundKind: "mip-dual", solveMs: performance.now() - started });
  }
  const { bound, kind } = await heuristicBound(model, result.y);
  return buildPlan(model, result.y, { solver: "heuristic", optimal: false, bound, boundKind: kind, solveMs: performance.now() - started });
}

function placedCounts(model: PlacementModel, y: Int32Array): Int32Array {
  return Int32Array.from(model.total, (_, w) => {
    let placed = 0;
    for (let p = model.pairStart[w]!; p < model.pairStart[w + 1]!; p++) placed += y[p]!;
    return placed;
  });
}

/** The same counts on another model's pairs (the second pass has the first's pairs and maybe more). */
function remap(from: PlacementModel, to: PlacementModel, y: Int32Array): Int32Array {
  const C = from.input.clusters.length;
  const index = new Map<number, number>();
  for (let p = 0; p < to.pairCluster.length; p++) index.set(to.pairWorkload[p]! * C + to.pairCluster[p]!, p);
  const out = new Int32Array(to.pairCluster.length);
  for (let p = 0; p < y.length; p++) if (y[p]! > 0) out[index.get(from.pairWorkload[p]! * C + from.pairCluster[p]!)!] = y[p]!;
  return out;
}

export function fitsExact(model: PlacementModel): boolean {
  return model.pairCluster.length <= EXACT_MAX_PAIRS && spreadRowCount(model) <= EXACT_MAX_CONFLICTS;
}

function spreadRowCount(model: PlacementModel): number {
  let rows = 0;
  for (let w = 0; w < model.total.length; w++) rows += spreadEdges(model, w).length / 2;
  return rows;
}

async function heuristicBound(model: PlacementModel, y: Int32Array): Promise<{ bound: number; kind: "lp-relaxation" | "lagrangian" }> {
  if (model.pairCluster.length <= RELAXATION_MAX_PAIRS && spreadRowCount(model) <= EXACT_MAX_CONFLICTS * 5) {
    const relaxed = await solveRelaxation(model);
    if (relaxed !== null) return { bound: relaxed, kind: "lp-relaxation" };
  }
  return { bound: lagrangianBound(model, y), kind: "lagrangian" };
}

export { buildModel } from "./model";
export { objectiveOf } from "./objective";
export { estimateLatencyMs } from "./filter";
export { powerCostUsd, scoreReplica } from "./score";
