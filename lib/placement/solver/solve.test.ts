import { describe, expect, it } from "vitest";
import { fitsExact, solvePlacement } from "./solve";
import { buildModel } from "@/lib/placement/engine/model";
import { randomFederation } from "@/lib/placement/engine/random-federation";
import { applyPlan, cluster, federation, placedOn, workload } from "@/test/placement-federations";
import type { PlacementInput, PlacementOptions } from "@/lib/placement/engine/types";

const SOLVERS = ["exact", "heuristic"] as const;

function withSolver(
  input: PlacementInput,
  solver: PlacementOptions["solver"],
  extra: Partial<PlacementOptions> = {},
): PlacementInput {
  return { ...input, options: { ...input.options, solver, ...extra } };
}

describe.each(SOLVERS)("solvePlacement (%s)", (solver) => {
  it("moves a replica to cheaper power when the gain beats the threshold", async () => {
    const input = federation(
      [cluster("a", { electricityUsdPerKwh: 0.5 }), cluster("b", { electricityUsdPerKwh: 0.05 })],
      [workload("w", { running: ["a"] })],
    );
    const plan = await solvePlacement(withSolver(input, solver));
    expect(plan.solver).toBe(solver);
    expect(placedOn(plan, "w")).toEqual(["b"]);
    expect(plan.moves).toHaveLength(1);
    const move = plan.moves[0]!;
    expect(move).toMatchObject({ fromClusterId: "a", toClusterId: "b", forced: false });
    // 10 vCPU × 8 W × 730 h = 58.4 kWh a month: 29.2 USD at 0.50, 2.92 USD at 0.05.
    expect(move.gainMonthlyUsd).toBeCloseTo(29.2 - 2.92, 6);
    expect(move.reason).toMatch(/cheaper power/);
    expect(plan.netAfterUsd - plan.netBeforeUsd).toBeCloseTo(move.gainMonthlyUsd, 6);
  });

  it("does not move for a gain below the threshold, and moves once the threshold is lowered", async () => {
    // Net 100 − 11.68 = 88.32 on a vs 100 − 8.76 = 91.24 on b: +2.92, under 10 % of 88.32.
    const input = federation(
      [cluster("a", { electricityUsdPerKwh: 0.2 }), cluster("b", { electricityUsdPerKwh: 0.15 })],
      [workload("w", { running: ["a"] })],
    );
    expect((await solvePlacement(withSolver(input, solver))).moves).toHaveLength(0);
    expect((await solvePlacement(withSolver(input, solver, { moveThreshold: 0.01 }))).moves).toHaveLength(1);
  });

  it("proposes no moves when rerun on its own output", async () => {
    const input = federation(
      [
        cluster("a", { electricityUsdPerKwh: 0.5 }),
        cluster("b", { electricityUsdPerKwh: 0.05, capacity: { vcpu: 30, memoryMb: 1e5, diskGb: 1e4, gpus: 0 } }),
        cluster("c"),
      ],
      [workload("w", { running: ["a", "a", "a"], desiredReplicas: 5 })],
    );
    const first = await solvePlacement(withSolver(input, solver));
    expect(first.moves.length + first.placements.length).toBeGreaterThan(0);
    const after = applyPlan(input, first);
    const second = await solvePlacement(withSolver(after, solver));
    expect(second.moves).toEqual([]);
    expect(second.netAfterUsd).toBeCloseTo(first.netAfterUsd, 6);
  });
});

describe("solver choice", () => {
  it("auto runs HiGHS on a federation of a few hundred replicas and the heuristic beyond", async () => {
    const small = randomFederation(1, { clusters: 10, replicas: 60 });
    expect(fitsExact(buildModel(small))).toBe(true);
    expect((await solvePlacement(small)).solver).toBe("exact");
    const large = randomFederation(2, { clusters: 60, replicas: 1500 });
    expect(fitsExact(buildModel(large))).toBe(false);
    const plan = await solvePlacement(large);
    expect(plan).toMatchObject({ solver: "heuristic", optimal: false, boundKind: "lp-relaxation" });
    expect(plan.gap).toBeGreaterThanOrEqual(0);
    expect(plan.bound!).toBeGreaterThanOrEqual(plan.objective);
  });
});
