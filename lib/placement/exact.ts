// The exact solver: the shared model (see model.ts) as a mixed-integer program for HiGHS, solved
// in WebAssembly. Columns: y[p] integer counts, then m[j] ≥ cur − y, the replicas leaving each
// pair that holds running ones. The heuristic's solution is handed in as the start, so the result
// is never worse than it even when the time limit stops the search.
import loadHighs, { type Highs, type ModelData } from "highs";
import { RESOURCE_COUNT } from "./filter";
import type { PlacementModel } from "./model";
import { countsFeasible, objectiveOf, spreadEdges } from "./objective";

let runtime: Promise<Highs> | null = null;

/** One WebAssembly instance per process: compiling it costs ~80 ms, solving needs no fresh one. */
export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

export interface ExactResult {
  y: Int32Array;
  optimal: boolean;
  /** HiGHS's dual bound on the objective. */
  bound: number;
}

export async function solveExact(model: PlacementModel, start: Int32Array): Promise<ExactResult> {
  const startObjective = objectiveOf(model, start);
  // Nothing to decide (every cluster ruled out): HiGHS refuses a start for a model without columns.
  if (model.pairCluster.length === 0) return { y: start, optimal: true, bound: startObjective };
  const highs = await highsRuntime();
  const { data, curPairs } = toModelData(model, highs, true);
  const h = highs.createModel(data);
  try {
    h.options.set({ output_flag: false, time_limit: model.options.exactTimeLimitSeconds, mip_rel_gap: 1e-5, mip_abs_gap: 0.01, random_seed: 0 });
    const colValue = new Float64Array(data.numCols);
    colValue.set(start);
    curPairs.forEach((p, j) => (colValue[start.length + j] = Math.max(0, model.pairCur[p]! - start[p]!)));
    h.setSolution({ colValue });
    h.run();
    const status = h.getModelStatus();
    const P = model.pairCluster.length;
    const y = new Int32Array(P);
    const values = h.getSolution().colValue;
    for (let p = 0; p < P; p++) y[p] = Math.round(values[p] ?? 0);
    const bound = Number(h.info.get("mip_dual_bound"));
    const optimal = status === highs.constants.modelStatus.optimal;
    // Rounding or an early stop could leave HiGHS's answer below the start it was given.
    if (!(objectiveOf(model, y) >= startObjective - 1e-6) || !countsFeasible(model, y)) return { y: start, optimal: false, bound };
    return { y, optimal, bound: optimal ? objectiveOf(model, y) : bound };
  } finally {
    h.dispose();
  }
}

/** The LP relaxation's optimum: a proven upper bound on the objective, or null if HiGHS fails. */
export async function solveRelaxation(model: PlacementModel): Promise<number | null> {
  if (model.pairCluster.length === 0) return objectiveOf(model, new Int32Array(0));
  const highs = await highsRuntime();
  const { data } = toModelData(model, highs, false);
  const h = highs.createModel(data);
  try {
    h.options.set({ output_flag: false, time_limit: model.options.exactTimeLimitSeconds });
    h.run();
    return h.getModelStatus() === highs.constants.modelStatus.optimal ? h.getObjectiveValue() : null;
  } finally {
    h.dispose();
  }
}

function toModelData(model: PlacementModel, highs: Highs, integer: boolean): { data: ModelData; curPairs: number[] } {
  const R = RESOURCE_COUNT;
  const P = model.pairCluster.length;
  const W = model.total.length;
  const C = model.input.clusters.length;
  const curPairs: number[] = [];
  for (let p = 0; p < P; p++) if (model.pairCur[p]! > 0) curPairs.push(p);
  const numCols = P + curPairs.length;

  const colCost = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  let offset = 0;
  for (let w = 0; w < W; w++) {
    offset -= model.unplacedPenalty[w]! * model.total[w]!;
    for (let p = model.pairStart[w]!; p < model.pairStart[w + 1]!; p++) {
      colCost[p] = model.pairValue[p]! + model.unplacedPenalty[w]!;
      colUpper[p] = model.pairUb[p]!;
    }
  }
  curPairs.forEach((p, j) => {
    colCost[P + j] = -model.pairPenalty[p]!;
    colUpper[P + j] = model.pairCur[p]!;
  });

  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const row = (cols: number[], coefs: number[] | null, lo: number, hi: number) => {
    cols.forEach((c, i) => {
      indices.push(c);
      values.push(coefs ? coefs[i]! : 1);
    });
    starts.push(indices.length);
    rowLower.push(lo);
    rowUpper.push(hi);
  };
  const range = (w: number) => Array.from({ length: model.pairStart[w + 1]! - model.pairStart[w]! }, (_, i) => model.pairStart[w]! + i);

  for (let w = 0; w < W; w++) row(range(w), null, model.keep[w]!, model.total[w]!);

  const byCluster: number[][] = Array.from({ length: C }, () => []);
  for (let w = 0; w < W; w++) for (const p of range(w)) byCluster[model.pairCluster[p]!]!.push(p);
  const workloadOf = model.pairWorkload;
  byCluster.forEach((pairs, c) => {
    for (let k = 0; k < R; k++) {
      const cols = pairs.filter((p) => model.req[workloadOf[p]! * R + k]! > 0);
      if (cols.length === 0) continue;
      const coefs = cols.map((p) => model.req[workloadOf[p]! * R + k]!);
      // Skip rows that can never bind: every pair at its upper bound still fits.
      if (cols.reduce((s, p, i) => s + coefs[i]! * model.pairUb[p]!, 0) <= model.room[c * R + k]!) continue;
      row(cols, coefs, -highs.infinity, model.room[c * R + k]!);
    }
  });

  model.regionGroups.forEach((groups) => groups.forEach((g) => row(g, null, -highs.infinity, 1)));
  for (let w = 0; w < W; w++) {
    const edges = spreadEdges(model, w);
    for (let i = 0; i < edges.length; i += 2) row([edges[i]!, edges[i + 1]!], null, -highs.infinity, 1);
  }
  curPairs.forEach((p, j) => row([p, P + j], null, model.pairCur[p]!, highs.infinity));

  const numRows = rowLower.length;
  const data: ModelData = {
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    offset,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: "csr", numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    ...(integer ? { integrality: new Array(P).fill(highs.constants.variableType.integer).concat(new Array(curPairs.length).fill(highs.constants.variableType.continuous)) } : {}),
  };
  return { data, curPairs };
}
