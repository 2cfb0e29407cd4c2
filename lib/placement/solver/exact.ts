// The exact solver: the shared model (see engine/model.ts) as a mixed-integer program for HiGHS, solved
// in WebAssembly. Columns: y[p] integer counts, then m[j] ≥ cur − y, the replicas leaving each
// pair that holds running ones. The heuristic's solution is handed in as the start, so the result
// is never worse than it even when the time limit stops the search.
import loadHighs, { type Highs, type ModelData } from "highs";
import { RESOURCE_COUNT } from "@/lib/placement/engine/filter";
import type { PlacementModel } from "@/lib/placement/engine/model";
import { countsFeasible, objectiveOf, spreadEdges, strandedCount } from "@/lib/placement/engine/objective";

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
    h.options.set({
      output_flag: false,
      time_limit: model.options.exactTimeLimitSeconds,
      mip_rel_gap: 1e-5,
      mip_abs_gap: 0.01,
      random_seed: 0,
    });
    const colValue = new Float64Array(data.numCols);
    colValue.set(start);
    curPairs.forEach((p, j) => (colValue[start.length + j] = Math.max(0, model.pairCur[p]! - start[p]!)));
    const strandedFrom = start.length + curPairs.length;
    for (let w = 0; w < model.total.length; w++) {
      let placed = 0;
      for (let p = model.pairStart[w]!; p < model.pairStart[w + 1]!; p++) placed += start[p]!;
      const end = model.leaveStart[w + 1]!;
      for (let j = end - strandedCount(model, w, placed); j < end; j++) colValue[strandedFrom + j] = 1;
    }
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
    if (!(objectiveOf(model, y) >= startObjective - 1e-6) || !countsFeasible(model, y))
      return { y: start, optimal: false, bound };
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
  // Then b[j], 1 when must-leave replica j stays stranded where it runs (its load counts there).
  const L = model.leaveOrigin.length;
  const B = P + curPairs.length;
  const numCols = B + L;

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
  for (let j = 0; j < L; j++) colUpper[B + j] = 1;
  const leaveWorkload = new Int32Array(L);
  for (let w = 0; w < W; w++)
    for (let j = model.leaveStart[w]!; j < model.leaveStart[w + 1]!; j++) leaveWorkload[j] = w;

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
  const range = (w: number) =>
    Array.from({ length: model.pairStart[w + 1]! - model.pairStart[w]! }, (_, i) => model.pairStart[w]! + i);

  for (let w = 0; w < W; w++) row(range(w), null, model.keep[w]!, model.total[w]!);
  // Stranded ones are a suffix of the must-leave replicas, as many as placed ones fall short:
  // b[j] ≤ b[j+1], and Σ b + Σ y ≥ mustLeave + keep.
  for (let w = 0; w < W; w++) {
    const from = model.leaveStart[w]!;
    const to = model.leaveStart[w + 1]!;
    if (from === to) continue;
    for (let j = from; j + 1 < to; j++) row([B + j, B + j + 1], [1, -1], -highs.infinity, 0);
    const bs = Array.from({ length: to - from }, (_, i) => B + from + i);
    row([...bs, ...range(w)], null, to - from + model.keep[w]!, highs.infinity);
  }

  const byCluster: number[][] = Array.from({ length: C }, () => []);
  for (let w = 0; w < W; w++) for (const p of range(w)) byCluster[model.pairCluster[p]!]!.push(p);
  const workloadOf = model.pairWorkload;
  const strandedAt: number[][] = Array.from({ length: C }, () => []);
  for (let j = 0; j < L; j++) strandedAt[model.leaveOrigin[j]!]!.push(j);
  byCluster.forEach((pairs, c) => {
    for (let k = 0; k < R; k++) {
      const cols = pairs.filter((p) => model.req[workloadOf[p]! * R + k]! > 0);
      const coefs = cols.map((p) => model.req[workloadOf[p]! * R + k]!);
      const upper = cols.map((p) => model.pairUb[p]!);
      for (const j of strandedAt[c]!) {
        const need = model.req[leaveWorkload[j]! * R + k]!;
        if (need <= 0) continue;
        cols.push(B + j);
        coefs.push(need);
        upper.push(1);
      }
      if (cols.length === 0) continue;
      // Skip rows that can never bind: everything at its upper bound still fits.
      if (cols.reduce((s, _, i) => s + coefs[i]! * upper[i]!, 0) <= model.room[c * R + k]!) continue;
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
    matrix: {
      format: "csr",
      numRows,
      numCols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    ...(integer
      ? {
          integrality: [
            ...new Array(P).fill(highs.constants.variableType.integer),
            ...new Array(curPairs.length).fill(highs.constants.variableType.continuous),
            ...new Array(L).fill(highs.constants.variableType.integer),
          ],
        }
      : {}),
  };
  return { data, curPairs };
}
