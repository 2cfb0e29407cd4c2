// The demo federation end to end below the page: the simulator registered and synced, a few months
// of demo earnings, the demo's workloads and rates — then the planner has moves to propose, and
// saving one keeps it as a draft with its moves.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { registerDemoFederation } from "@/lib/clusters/demo";
import { purgeClusterRows } from "@/lib/clusters/archive";
import { db } from "@/lib/db";
import { seedDemoEarnings } from "@/lib/earnings/demo-seed";
import { loadFederationFile, startSimulator, type RunningSimulator } from "@/lib/proxmox/simulator";
import { syncCluster } from "@/lib/sync/sync-cluster";
import { createMember } from "@/test/factories";
import { seedDemoPlacement } from "./seed";
import { DEMO_WORKLOADS } from "./workloads";
import { solvePlacement } from "@/lib/placement/solver/solve";
import { loadPlacementInput } from "@/lib/placement/plans/load";
import { savePlan } from "@/lib/placement/plans/mutations";

let sim: RunningSimulator;
let certDir: string;
let ids: Record<string, string> = {};

beforeAll(async () => {
  certDir = await mkdtemp(path.join(tmpdir(), "sovereign-placement-"));
  const spec = await loadFederationFile(
    path.resolve(import.meta.dirname, "../../proxmox/simulator/federations/demo.json"),
  );
  sim = await startSimulator(spec, { ephemeralPorts: true, timeScale: 0.01, authFailureDelayMs: 5, certDir });
  // The planner weighs the whole federation: make it exactly the demo's (test files run one at a time).
  await db.workload.deleteMany();
  const others = await db.cluster.findMany({
    where: { name: { notIn: sim.clusters.map((c) => c.name) } },
    select: { id: true },
  });
  await db.$transaction(
    (tx) =>
      purgeClusterRows(
        tx,
        others.map((c) => c.id),
      ),
    { timeout: 60_000 },
  );
  const registered = await registerDemoFederation(db, sim);
  ids = Object.fromEntries(registered.map((r) => [r.name, r.id]));
  for (const { id } of registered)
    expect(await syncCluster(id, { client: { timeoutMs: 5_000, retries: 0 } })).toMatchObject({ status: "ok" });
  await seedDemoEarnings(db, { days: 100, clusterIds: registered.map((r) => r.id) });
}, 120_000);

afterAll(async () => {
  await sim.close();
  await rm(certDir, { recursive: true, force: true });
});

describe("the demo federation's placement", () => {
  it("seeds its workloads and rates once, and the planner proposes moves with reasons and gains", async () => {
    expect(await seedDemoPlacement(db)).toMatchObject({ workloads: DEMO_WORKLOADS.length });
    expect(await seedDemoPlacement(db)).toEqual({ workloads: 0, rates: 0 });

    const { input, context } = await loadPlacementInput();
    const replicas = Object.fromEntries(input.workloads.map((w) => [w.name, w.replicas.length]));
    expect(replicas).toEqual({
      "Trading bots": 2,
      "LLM inference": 2,
      "Filecoin storage": 2,
      "Render GPU workers": 2,
      "Akash providers": 2,
      "Helium hotspots": 5,
    });
    expect(context.warnings).toEqual([]);
    const helium = input.workloads.find((w) => w.name === "Helium hotspots");
    expect(input.revenue[helium?.id ?? ""]?.[ids.paris ?? ""]?.source).toBe("ledger-cluster");
    expect(input.revenue[helium?.id ?? ""]?.[ids.warsaw ?? ""]).toEqual({ monthlyUsd: 420, source: "rate-table" });

    const plan = await solvePlacement(input);
    expect(plan.moves.length).toBeGreaterThan(0);
    expect(plan.netAfterUsd).toBeGreaterThan(plan.netBeforeUsd);
    // Porto is too far from Frankfurt for the trading bot: it has to move.
    const bot = plan.moves.find((m) => m.guestName === "trading-bot-02");
    expect(bot).toMatchObject({ fromClusterId: ids["porto-edge"], forced: true });
    for (const m of plan.moves) expect(m.reason.length).toBeGreaterThan(0);
  });

  it("saves the plan as a draft with its moves for operators, superseding the previous draft; viewers may not", async () => {
    const operator = await createMember("operator");
    const first = await executeAction(savePlan, { whatIf: {} }, operator);
    if (!first.ok) throw new Error(first.message);
    const plan = await db.placementPlan.findUniqueOrThrow({
      where: { id: first.data.id },
      include: { moves: { orderBy: { position: "asc" } } },
    });
    expect(plan).toMatchObject({ status: "draft", createdById: operator.id });
    expect(plan.moves.length).toBe(first.data.moves);
    expect(plan.moves.find((m) => m.guestName === "trading-bot-02")).toMatchObject({
      sourceName: "porto-edge",
      vmid: 101,
      guestType: "lxc",
      status: "pending",
    });
    expect(await db.auditEvent.count({ where: { action: "placement.plan-saved", targetId: plan.id } })).toBe(1);

    // A what-if: Madrid excluded too; the new draft replaces the old one.
    const second = await executeAction(savePlan, { whatIf: { excludedClusterIds: [ids.madrid] } }, operator);
    if (!second.ok) throw new Error(second.message);
    expect((await db.placementPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("superseded");
    const saved = await db.placementPlan.findUniqueOrThrow({ where: { id: second.data.id }, include: { moves: true } });
    expect(saved.whatIf).toMatchObject({ excludedClusterIds: [ids.madrid] });
    expect(saved.moves.every((m) => m.targetClusterId !== ids.madrid)).toBe(true);
    expect(saved.moves.some((m) => m.sourceClusterId === ids.madrid)).toBe(true);

    expect(await executeAction(savePlan, { whatIf: {} }, await createMember("viewer"))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });
});
