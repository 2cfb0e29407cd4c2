// The placement engine's one entry point: a federation snapshot in, a plan out. Pure: no I/O
// beyond HiGHS's WebAssembly, loaded once per process on the first MIP or LP solve. HiGHS runs
// synchronously: a solve holds the event loop for up to options.exactTimeLimitSeconds, which is why
// the server calls it through off-thread.ts, on a worker thread.
import { lagrangianBound } from "@/lib/placement/engine/bound";
import { solveExact, solveRelaxation } from "./exact";
import { buildPlan } from "@/lib/placement/engine/explain";
import { solveHeuristic } from "@/lib/placement/engine/heuristic";
import { buildModel, type PlacementModel } from "@/lib/placement/engine/model";
import { spreadEdges } from "@/lib/placement/engine/objective";
import type { Plan, PlacementInput } from "@/lib/placement/engine/types";

/** "auto" uses the exact solver up to this many (workload, cluster) pairs… */
export const EXACT_MAX_PAIRS = 2000;
/** …and this many spread conflicts (each one a row of the MIP). */
export const EXACT_MAX_CONFLICTS = 40_000;
/** The heuristic's gap is measured against the LP relaxation up to this size, beyond by a Lagrangian bound. */
export const RELAXATION_MAX_PAIRS = 20_000;

export async function solvePlacement(input: PlacementInput): Promise<Plan> {
  const started = performance.now();
  const model = buildModel(input);
  const choice = model.options.solver === "auto" ? (fitsExact(model) ? "exact" : "heuristic") : model.options.solver;
  // The heuristic always runs: it is the exact solver's starting incumbent.
  const heuristic = solveHeuristic(model);
  if (choice === "exact") {
    const exact = await solveExact(model, heuristic);
    return buildPlan(model, exact.y, {
      solver: "exact",
      optimal: exact.optimal,
      bound: exact.bound,
      boundKind: "mip-dual",
      solveMs: performance.now() - started,
    });
  }
  const { bound, kind } = await heuristicBound(model, heuristic);
  return buildPlan(model, heuristic, {
    solver: "heuristic",
    optimal: false,
    bound,
    boundKind: kind,
    solveMs: performance.now() - started,
  });
}

export function fitsExact(model: PlacementModel): boolean {
  return model.pairCluster.length <= EXACT_MAX_PAIRS && spreadRowCount(model) <= EXACT_MAX_CONFLICTS;
}

function spreadRowCount(model: PlacementModel): number {
  let rows = 0;
  for (let w = 0; w < model.total.length; w++) rows += spreadEdges(model, w).length / 2;
  return rows;
}

async function heuristicBound(
  model: PlacementModel,
  y: Int32Array,
): Promise<{ bound: number; kind: "lp-relaxation" | "lagrangian" }> {
  if (model.pairCluster.length <= RELAXATION_MAX_PAIRS && spreadRowCount(model) <= EXACT_MAX_CONFLICTS * 5) {
    const relaxed = await solveRelaxation(model);
    if (relaxed !== null) return { bound: relaxed, kind: "lp-relaxation" };
  }
  return { bound: lagrangianBound(model, y), kind: "lagrangian" };
}

export { buildModel } from "@/lib/placement/engine/model";
export { objectiveOf } from "@/lib/placement/engine/objective";
export { estimateLatencyMs } from "@/lib/placement/engine/filter";
export { powerCostUsd, scoreReplica } from "@/lib/placement/engine/score";
