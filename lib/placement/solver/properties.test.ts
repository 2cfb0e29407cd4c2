// Properties over seeded random federations (lib/placement/engine/random-federation.ts), both solvers:
// capacity never exceeded, residency and every other per-cluster rule never broken, spread always
// held, the heuristic never better than the exact optimum, and a rerun on the applied plan quiet.
import { describe, expect, it } from "vitest";
import { distanceKm, RESOURCE_COUNT } from "@/lib/placement/engine/filter";
import { solvePlacement } from "./solve";
import { solveExact } from "./exact";
import { solveHeuristic } from "@/lib/placement/engine/heuristic";
import { buildModel } from "@/lib/placement/engine/model";
import { countsFeasible, objectiveOf } from "@/lib/placement/engine/objective";
import { randomFederation } from "@/lib/placement/engine/random-federation";
import { applyPlan } from "@/test/placement-federations";
import type { PlacementInput, Plan } from "@/lib/placement/engine/types";

const SEEDS = Array.from({ length: 14 }, (_, i) => 7_000 + i);
const shape = (seed: number) => ({
  clusters: 5 + (seed % 3),
  replicas: 20 + (seed % 2) * 10,
  load: 0.5 + (seed % 3) * 0.2,
});

/** Every broken promise of a plan, in words; empty when it keeps them all. */
export function violations(input: PlacementInput, plan: Plan): string[] {
  const out: string[] = [];
  const headroom = input.options?.headroom ?? 0.1;
  const byId = new Map(input.clusters.map((c) => [c.id, c]));
  const usage = (pick: (a: Plan["assignments"][number]) => string | null, includeAll: boolean) => {
    const use = new Map(
      input.clusters.map((c) => [
        c.id,
        [c.baselineUsed.vcpu, c.baselineUsed.memoryMb, c.baselineUsed.diskGb, c.baselineUsed.gpus],
      ]),
    );
    for (const w of input.workloads) {
      const req = [w.requirements.vcpu, w.requirements.memoryMb, w.requirements.diskGb, w.requirements.gpu ? 1 : 0];
      const rows = includeAll
        ? w.replicas.map((r) => ({ clusterId: r.clusterId, fromClusterId: r.clusterId }))
        : plan.assignments.filter((a) => a.workloadId === w.id);
      for (const a of rows) {
        const at = pick(a as Plan["assignments"][number]);
        const u = at === null ? undefined : use.get(at);
        if (u) req.forEach((v, k) => (u[k]! += v));
      }
    }
    return use;
  };
  const before = usage((a) => a.fromClusterId, true);
  const after = usage((a) => a.clusterId ?? a.fromClusterId, false);
  for (const c of input.clusters) {
    const cap = [c.capacity.vcpu, c.capacity.memoryMb, c.capacity.diskGb, c.capacity.gpus];
    for (let k = 0; k < RESOURCE_COUNT; k++) {
      const usable = k === 3 ? cap[k]! : cap[k]! * (1 - headroom);
      const limit = Math.max(usable, before.get(c.id)![k]!);
      if (after.get(c.id)![k]! > limit + 1e-6)
        out.push(`capacity: ${c.id} resource ${k} at ${after.get(c.id)![k]} over ${limit}`);
    }
  }
  for (const w of input.workloads) {
    const placed = plan.assignments.filter((a) => a.workloadId === w.id && a.clusterId !== null);
    const cons = w.constraints;
    for (const a of placed) {
      const c = byId.get(a.clusterId!)!;
      if (cons.allowedCountries.length > 0 && !cons.allowedCountries.includes(c.country))
        out.push(`residency: ${w.id} on ${c.id} in ${c.country}`);
      if (cons.pinnedClusterIds.length > 0 && !cons.pinnedClusterIds.includes(c.id))
        out.push(`pin: ${w.id} on ${c.id}`);
      if (cons.excludedClusterIds.includes(c.id)) out.push(`exclusion: ${w.id} on ${c.id}`);
      if (w.requirements.gpu && c.capacity.gpus < 1) out.push(`gpu: ${w.id} on ${c.id}`);
      if (a.clusterId !== a.fromClusterId && (c.health === "down" || c.stale || c.maintenance))
        out.push(`health: ${w.id} sent to ${c.id}`);
    }
    if (cons.minSpreadKm || cons.distinctRegions)
      for (let i = 0; i < placed.length; i++)
        for (let j = i + 1; j < placed.length; j++) {
          const a = byId.get(placed[i]!.clusterId!)!;
          const b = byId.get(placed[j]!.clusterId!)!;
          if (
            a.id === b.id ||
            (cons.minSpreadKm && distanceKm(a, b) < cons.minSpreadKm) ||
            (cons.distinctRegions && (a.region ?? a.id) === (b.region ?? b.id))
          )
            out.push(`spread: ${w.id} on ${a.id} and ${b.id}`);
        }
  }
  return out;
}

describe("placement properties over random federations", () => {
  it.each(SEEDS)(
    "seed %i: both solvers keep every rule, the heuristic never beats the optimum, reruns are quiet",
    async (seed) => {
      const input = randomFederation(seed, shape(seed));
      const exact = await solvePlacement({ ...input, options: { solver: "exact" } });
      const heuristic = await solvePlacement({ ...input, options: { solver: "heuristic" } });
      expect(violations(input, exact)).toEqual([]);
      expect(violations(input, heuristic)).toEqual([]);
      // On one model, the exact solver started from "nothing moves" rather than from the heuristic's
      // plan, so the comparison is not settled by the warm start: never beaten, bounds respected.
      const model = buildModel(input);
      const h = solveHeuristic(model);
      expect(countsFeasible(model, h)).toBe(true);
      const e = await solveExact(model, model.pairCur);
      if (e.optimal) expect(objectiveOf(model, h)).toBeLessThanOrEqual(objectiveOf(model, e.y) + 1e-6);
      expect(objectiveOf(model, h)).toBeLessThanOrEqual(e.bound + 1e-6);
      // A rerun on the applied plan proposes nothing: the move threshold holds across runs, for the
      // exact solver always. The heuristic is a local search: a rerun may find a chain the first run
      // missed, but reruns settle within a few rounds instead of moving replicas back and forth.
      const again = await solvePlacement({ ...applyPlan(input, exact), options: { solver: "exact" } });
      expect(again.moves).toEqual([]);
      let current = applyPlan(input, heuristic);
      let rounds = 0;
      for (; ; rounds++) {
        const next = await solvePlacement({ ...current, options: { solver: "heuristic" } });
        if (next.moves.length === 0) break;
        current = applyPlan(current, next);
      }
      expect(rounds).toBeLessThanOrEqual(3);
    },
  );
});
