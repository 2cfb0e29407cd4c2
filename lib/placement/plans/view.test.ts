import { describe, expect, it } from "vitest";
import type { PlacementContext } from "./load";
import { buildPlannerView } from "./view";
import type { Plan, ScoreBreakdown } from "@/lib/placement/engine/types";

const score = (netUsd: number): ScoreBreakdown => ({
  revenueUsd: netUsd + 10,
  powerCostUsd: 10,
  netUsd,
  revenueSource: "rate-table",
  headroomScore: 0,
  tierScore: 0,
  healthScore: 0,
  total: netUsd,
});
const site = (id: string, name: string) => ({
  id,
  name,
  siteName: name,
  role: "edge" as const,
  tier: 3,
  health: "up" as const,
  maintenance: false,
  latitude: 0,
  longitude: 0,
  country: "FR",
  region: null,
  currency: "EUR",
  electricityPrice: 0.2,
  storedElectricityPrice: 0.2,
  electricityUsdPerKwh: 0.22,
  excluded: false,
});

const context: PlacementContext = {
  clusters: [site("a", "alpha"), site("b", "bravo")],
  guests: {
    "a:100": { clusterId: "a", vmid: 100, name: "hs-1", type: "qemu", status: "running" },
    "a:101": { clusterId: "a", vmid: 101, name: "hs-2", type: "lxc", status: "running" },
  },
  workloads: [
    {
      id: "w",
      name: "Helium",
      subject: "network:helium",
      networkId: "helium",
      service: null,
      tag: null,
      desiredReplicas: 3,
      currentReplicas: 2,
    },
  ],
  networks: [{ id: "helium", name: "Helium" }],
  warnings: [],
  whatIf: { excludedClusterIds: [], electricityPrice: {}, rewardRates: {} },
};

const move = (key: string, vmid: number, gain: number, forced: boolean) => ({
  workloadId: "w",
  replicaKey: key,
  vmid,
  guestName: null,
  fromClusterId: "a",
  toClusterId: "b",
  gainMonthlyUsd: gain,
  from: score(10),
  to: score(10 + gain),
  ruledOut: [{ clusterId: "a", reasons: ["maintenance" as const], detail: "in maintenance" }],
  reason: "because",
  forced,
});

const plan: Plan = {
  solver: "exact",
  optimal: true,
  assignments: [
    { workloadId: "w", replicaKey: "a:100", fromClusterId: "a", clusterId: "b", breakdown: score(30) },
    { workloadId: "w", replicaKey: "a:101", fromClusterId: "a", clusterId: "b", breakdown: score(12) },
    { workloadId: "w", replicaKey: "new-1", fromClusterId: null, clusterId: null, breakdown: null },
  ],
  moves: [move("a:101", 101, 2, false), move("a:100", 100, 20, false)],
  placements: [{ workloadId: "w", replicaKey: "new-1", fromClusterId: null, clusterId: null, breakdown: null }],
  stranded: [],
  objective: 42,
  bound: 42,
  boundKind: "mip-dual",
  gap: 0,
  netBeforeUsd: 20,
  netAfterUsd: 42,
  rejections: {},
  solveMs: 5,
};

describe("the planner's view of a plan", () => {
  it("names guests and sites, orders moves by gain, counts replicas now and after, and draws one arrow per pair of sites", () => {
    const view = buildPlannerView(plan, context);
    expect(view.moves.map((m) => [m.guestName, m.fromName, m.toName, m.gainUsd])).toEqual([
      ["hs-1", "alpha", "bravo", 20],
      ["hs-2", "alpha", "bravo", 2],
    ]);
    expect(view.moves[0]?.ruledOut).toEqual([{ name: "alpha", reasons: ["maintenance"], detail: "in maintenance" }]);
    expect(view.workloads).toEqual([
      {
        id: "w",
        name: "Helium",
        subject: "Helium",
        desired: 3,
        now: [{ name: "alpha", count: 2 }],
        after: [{ name: "bravo", count: 2 }],
        unplaced: 1,
      },
    ]);
    expect(view.arrows).toEqual([{ fromId: "a", toId: "b", count: 2, gainUsd: 22 }]);
    expect(view.sites.map((s) => [s.name, s.replicasNow, s.replicasAfter])).toEqual([
      ["alpha", 2, 0],
      ["bravo", 0, 2],
    ]);
    expect(view.newPlacements).toBe(0);
  });
});
