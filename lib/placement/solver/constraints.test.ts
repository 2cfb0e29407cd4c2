// One test per constraint, each on both solvers: without the constraint the plan puts the replica
// on the most lucrative cluster "best"; with it, that plan is no longer chosen, and the plan says why.
import { describe, expect, it } from "vitest";
import { solvePlacement } from "./solve";
import { cluster, federation, placedOn, workload, type WorkloadOverrides } from "@/test/placement-federations";
import type { PlacementCluster, PlacementInput, Plan, RejectionReason } from "@/lib/placement/engine/types";

const SOLVERS = ["exact", "heuristic"] as const;

/** "best" earns 300 a month per replica, "other" 100: every replica wants best. */
function setup(
  bestOver: Partial<PlacementCluster> = {},
  w: WorkloadOverrides = {},
  otherOver: Partial<PlacementCluster> = {},
): PlacementInput {
  const wl = workload("w", { desiredReplicas: 1, ...w });
  return federation([cluster("best", bestOver), cluster("other", otherOver)], [wl], { w: { best: 300, other: 100 } });
}

function reasonsFor(plan: Plan, clusterId: string): RejectionReason[] {
  return plan.rejections.w?.find((r) => r.clusterId === clusterId)?.reasons ?? [];
}

describe.each(SOLVERS)("constraints (%s)", (solver) => {
  const solve = (input: PlacementInput) => solvePlacement({ ...input, options: { ...input.options, solver } });

  it("capacity: a replica that does not fit beside what runs there goes elsewhere", async () => {
    expect(placedOn(await solve(setup()), "w")).toEqual(["best"]);
    const plan = await solve(setup({ baselineUsed: { vcpu: 85, memoryMb: 0, diskGb: 0, gpus: 0 } }));
    expect(placedOn(plan, "w")).toEqual(["other"]);
    expect(reasonsFor(plan, "best")).toEqual(["capacity"]);
    expect(plan.rejections.w![0]!.detail).toMatch(/needs 10 vCPU, 5 free after the 10 % reserve/i);
  });

  it("capacity: the headroom reserve is kept free, and is configurable", async () => {
    const tight = setup({ capacity: { vcpu: 10.5, memoryMb: 1e5, diskGb: 1e4, gpus: 0 } });
    expect(placedOn(await solve(tight), "w")).toEqual(["other"]);
    expect(placedOn(await solve({ ...tight, options: { headroom: 0 } }), "w")).toEqual(["best"]);
  });

  it("capacity holds across the whole plan: workloads share a cluster's room, and priority decides who gets it", async () => {
    const roomy = cluster("best", { capacity: { vcpu: 25, memoryMb: 1e5, diskGb: 1e4, gpus: 0 } });
    const revenue = { low: { best: 300 }, high: { best: 300 } };
    const alone = await solve(federation([roomy], [workload("low", { desiredReplicas: 1, priority: 10 })], revenue));
    expect(placedOn(alone, "low")).toEqual(["best"]);
    // 22.5 vCPU usable: one 10-vCPU replica of each fits, a third does not.
    const both = await solve(
      federation(
        [roomy],
        [workload("low", { desiredReplicas: 1, priority: 10 }), workload("high", { desiredReplicas: 2, priority: 90 })],
        revenue,
      ),
    );
    expect(placedOn(both, "high")).toEqual(["best", "best"]);
    expect(placedOn(both, "low")).toEqual([null]);
  });

  it("gpu: a GPU workload needs a cluster with a free GPU", async () => {
    const gpu = { requirements: { vcpu: 10, memoryMb: 1000, diskGb: 10, gpu: true } };
    expect(
      placedOn(
        await solve(
          setup({ capacity: { vcpu: 100, memoryMb: 1e5, diskGb: 1e4, gpus: 2 } }, gpu, {
            capacity: { vcpu: 100, memoryMb: 1e5, diskGb: 1e4, gpus: 2 },
          }),
        ),
        "w",
      ),
    ).toEqual(["best"]);
    const plan = await solve(setup({}, gpu, { capacity: { vcpu: 100, memoryMb: 1e5, diskGb: 1e4, gpus: 2 } }));
    expect(placedOn(plan, "w")).toEqual(["other"]);
    expect(reasonsFor(plan, "best")).toEqual(["gpu"]);
    // Two GPU replicas, one GPU at best: the second goes elsewhere.
    const two = await solve(
      setup(
        { capacity: { vcpu: 100, memoryMb: 1e5, diskGb: 1e4, gpus: 1 } },
        { ...gpu, desiredReplicas: 2 },
        { capacity: { vcpu: 100, memoryMb: 1e5, diskGb: 1e4, gpus: 2 } },
      ),
    );
    expect(placedOn(two, "w")).toEqual(["best", "other"]);
  });

  it("residency: data stays in the allowed countries", async () => {
    const plan = await solve(setup({ country: "US" }, { constraints: { allowedCountries: ["DE"] } }));
    expect(placedOn(plan, "w")).toEqual(["other"]);
    expect(reasonsFor(plan, "best")).toEqual(["residency"]);
  });

  it("pins: a pinned workload stays on its clusters however much another pays", async () => {
    const plan = await solve(setup({}, { constraints: { pinnedClusterIds: ["other"] } }));
    expect(placedOn(plan, "w")).toEqual(["other"]);
    expect(reasonsFor(plan, "best")).toEqual(["pinned-elsewhere"]);
  });

  it("exclusions: an excluded cluster is never used", async () => {
    const plan = await solve(setup({}, { constraints: { excludedClusterIds: ["best"] } }));
    expect(placedOn(plan, "w")).toEqual(["other"]);
    expect(reasonsFor(plan, "best")).toEqual(["excluded"]);
  });

  it.each([
    ["down", { health: "down" }],
    ["stale", { stale: true }],
    ["maintenance", { maintenance: true }],
  ] as const)("health: a %s cluster takes no new replica", async (reason, over) => {
    const plan = await solve(setup(over));
    expect(placedOn(plan, "w")).toEqual(["other"]);
    expect(reasonsFor(plan, "best")).toEqual([reason]);
  });

  it("health: what already runs on a cluster in maintenance stays until an operator evacuates it", async () => {
    const plan = await solve(setup({ maintenance: true }, { running: ["best"] }));
    expect(placedOn(plan, "w")).toEqual(["best"]);
    expect(plan.moves).toEqual([]);
  });

  it("latency: a cluster too far from the point is ruled out (1 ms per 100 km plus the site's base)", async () => {
    // best at 50°N 8°E; other and the point at 40°N, ~1,100 km south: ~11 ms + 2 ms base.
    const bound = { latitude: 40, longitude: 8, maxMs: 10 };
    const input = setup({}, { constraints: { latency: bound } }, { latitude: 40 });
    const plan = await solve(input);
    expect(placedOn(plan, "w")).toEqual(["other"]);
    expect(reasonsFor(plan, "best")).toEqual(["latency"]);
    expect(plan.rejections.w![0]!.detail).toMatch(/about 13 ms round trip, at most 10 ms/i);
    expect(
      placedOn(await solve(setup({}, { constraints: { latency: { ...bound, maxMs: 20 } } }, { latitude: 40 })), "w"),
    ).toEqual(["best"]);
  });

  it("spread: replicas at least N km apart, across the plan", async () => {
    const input = federation(
      [
        cluster("best", { region: "eu" }),
        cluster("near", { latitude: 50.5, region: "eu" }),
        cluster("far", { latitude: 40, region: "eu" }),
      ],
      [workload("w", { desiredReplicas: 2 })],
      { w: { best: 300, near: 250, far: 100 } },
    );
    expect(placedOn(await solve(input), "w")).toEqual(["best", "best"]);
    const spread = structuredClone(input);
    spread.workloads[0]!.constraints.minSpreadKm = 500;
    expect(placedOn(await solve(spread), "w")).toEqual(["best", "far"]);
    const regions = structuredClone(input);
    regions.workloads[0]!.constraints.distinctRegions = true;
    regions.clusters[2]!.region = "us";
    expect(placedOn(await solve(regions), "w")).toEqual(["best", "far"]);
  });

  it("a running replica on a cluster its workload now forbids must move, without the move threshold", async () => {
    const plan = await solve(setup({}, { running: ["best"], constraints: { excludedClusterIds: ["best"] } }));
    expect(plan.moves).toHaveLength(1);
    expect(plan.moves[0]).toMatchObject({ fromClusterId: "best", toClusterId: "other", forced: true });
    expect(plan.moves[0]!.reason).toMatch(/^Must leave best \(excluded for this workload\)/);
  });

  it("a running replica that breaks a rule and fits nowhere is stranded where it runs", async () => {
    const plan = await solve(setup({}, { running: ["best"], constraints: { allowedCountries: ["FR"] } }));
    expect(plan.moves).toEqual([]);
    expect(plan.stranded).toEqual([
      expect.objectContaining({ replicaKey: "best:100", fromClusterId: "best", clusterId: null }),
    ]);
    expect(plan.netAfterUsd).toBeCloseTo(plan.netBeforeUsd, 6);
  });
});
