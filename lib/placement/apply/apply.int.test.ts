import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { syncCluster } from "@/lib/sync/sync-cluster";
import { createMember } from "@/test/factories";
import { applyAllMoves, applyMove, settleMoveStep, skipPlanMove } from "./mutations";
import { createPlan, startPlacementFederation, until, type PlacementFederation } from "@/test/placement-apply";
import { registerPlacementJobs } from "./jobs";

let fed: PlacementFederation;
beforeAll(async () => {
  fed = await startPlacementFederation();
}, 30_000);
afterAll(async () => {
  await fed.close();
  await stopBoss(5_000);
});

const settle = (moveId: string, member: Awaited<ReturnType<typeof createMember>>) =>
  until(
    () => executeAction(settleMoveStep, { moveId }, member),
    (r) => r.ok && r.data.status !== "running",
  );

describe("applying one move", () => {
  it("migrates the guest to the target cluster with its token, records the task, audits every step, and the sync shows it there", async () => {
    const operator = await createMember("operator");
    const workload = await db.workload.create({
      data: { name: `helium-${Date.now()}`, service: "other", vcpu: 2, memoryMb: 2048, diskGb: 16, replicas: 1 },
    });
    await db.workloadGuest.create({ data: { clusterId: fed.src.id, vmid: 100, workloadId: workload.id } });
    const { planId, moveIds } = await createPlan(operator.id, [
      { from: fed.src, to: fed.dst, vmid: 100, workloadId: workload.id },
    ]);
    const moveId = moveIds[0]!;

    const started = await executeAction(applyMove, { moveId }, operator);
    expect(started).toMatchObject({
      ok: true,
      data: { planId, sourceClusterId: fed.src.id, upid: expect.stringMatching(/^UPID:pve1:.*:qmigrate:100:/) },
    });
    if (!started.ok) return;
    // dst already has 100 and 101: the move takes the next free id there.
    expect(started.data.targetVmid).toBe(102);
    expect(await db.placementMove.findUniqueOrThrow({ where: { id: moveId } })).toMatchObject({
      status: "running",
      upid: started.data.upid,
      targetVmid: 102,
    });
    expect((await db.placementPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("applying");
    expect(await db.clusterTask.count({ where: { clusterId: fed.src.id, upid: started.data.upid } })).toBe(1);

    expect(await settle(moveId, operator)).toMatchObject({ ok: true, data: { status: "succeeded", error: null } });
    // On Proxmox: the guest runs on the target as 102 and is gone from the source (a move, not a copy).
    expect(fed.dst.sim.guest(102)).toMatchObject({ status: "running", name: "qemu-100" });
    expect(fed.src.sim.guest(100)).toBeUndefined();
    // The task's log says which storage and bridge were picked from the target's data.
    const startedEvent = await db.auditEvent.findFirstOrThrow({
      where: { action: "placement.move-started", targetId: moveId },
    });
    expect(startedEvent).toMatchObject({
      actorId: operator.id,
      payload: expect.objectContaining({
        upid: started.data.upid,
        targetVmid: 102,
        storage: "local-lvm",
        bridge: "vmbr0",
        toNode: "d1",
      }),
    });
    expect(await db.auditEvent.count({ where: { action: "placement.move-succeeded", targetId: moveId } })).toBe(1);
    // No audit event, move or task row carries a token secret.
    const events = await db.auditEvent.findMany({ where: { targetId: moveId }, select: { payload: true } });
    const everything = JSON.stringify([events, await db.placementMove.findMany({ where: { planId } })]);
    for (const secret of Object.values(fed.secrets)) expect(everything).not.toContain(secret);
    // The source cluster was handed dst's migration token, never a console token.
    const received = JSON.stringify(fed.src.sim.requests.map((r) => r.params));
    expect(received).toContain(fed.migrationTokens.dst.secret);
    for (const secret of Object.values(fed.secrets)) expect(received).not.toContain(secret);

    // The plan is applied; the assigned guest follows to its new cluster and vmid.
    expect(await db.placementPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ status: "applied" });
    expect(
      await db.workloadGuest.findMany({ where: { workloadId: workload.id }, select: { clusterId: true, vmid: true } }),
    ).toEqual([{ clusterId: fed.dst.id, vmid: 102 }]);
    // Settling synced both clusters; a later sync agrees.
    expect(
      await db.guest.findUnique({
        where: { clusterId_vmid: { clusterId: fed.dst.id, vmid: 102 } },
        select: { name: true, status: true },
      }),
    ).toEqual({ name: "qemu-100", status: "running" });
    expect(await db.guest.findUnique({ where: { clusterId_vmid: { clusterId: fed.src.id, vmid: 100 } } })).toBeNull();
    expect(await syncCluster(fed.dst.id)).toMatchObject({ status: "ok" });
    expect(await db.guest.count({ where: { clusterId: fed.dst.id, vmid: 102 } })).toBe(1);

    // Settling again changes nothing.
    expect(await executeAction(settleMoveStep, { moveId }, operator)).toMatchObject({
      ok: true,
      data: { status: "succeeded" },
    });
    expect(await db.auditEvent.count({ where: { action: "placement.move-succeeded", targetId: moveId } })).toBe(1);
  });

  it("refuses a second apply of the same move, concurrent or later", async () => {
    const operator = await createMember("operator");
    const { moveIds } = await createPlan(operator.id, [{ from: fed.src, to: fed.dst, vmid: 101 }]);
    const moveId = moveIds[0]!;
    const [a, b] = await Promise.all([
      executeAction(applyMove, { moveId }, operator),
      executeAction(applyMove, { moveId }, operator),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    expect(refused).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/already being applied/),
    });
    expect(fed.src.sim.tasks().filter((t) => t.type === "qmigrate" && t.id === "101")).toHaveLength(1);
    await settle(moveId, operator);
    expect(await executeAction(applyMove, { moveId }, operator)).toMatchObject({
      ok: false,
      code: "conflict",
      message: "This move has already been applied.",
    });
  });

  it("a viewer may neither apply nor skip; the refusal is audited and Proxmox is not called", async () => {
    const viewer = await createMember("viewer");
    const { moveIds } = await createPlan(viewer.id, [{ from: fed.src, to: fed.dst, vmid: 103 }]);
    const requests = fed.src.sim.requests.length;
    expect(await executeAction(applyMove, { moveId: moveIds[0] }, viewer)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await executeAction(skipPlanMove, { moveId: moveIds[0] }, viewer)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(fed.src.sim.requests.length).toBe(requests);
    expect(await db.auditEvent.count({ where: { action: "access.denied", actorId: viewer.id } })).toBe(2);
    expect((await db.placementMove.findUniqueOrThrow({ where: { id: moveIds[0] } })).status).toBe("pending");
    expect(await executeAction(applyMove, { moveId: "not-a-uuid" }, await createMember("admin"))).toMatchObject({
      ok: false,
      code: "validation",
    });
  });
});

describe("failures leave the plan consistent", () => {
  it("a target that does not answer fails the move before Proxmox is asked; once it is back, a retry succeeds", async () => {
    const admin = await createMember("admin");
    const { planId, moveIds } = await createPlan(admin.id, [
      { from: fed.src, to: fed.dst, vmid: 103 },
      { from: fed.src, to: fed.dst, vmid: 102 },
    ]);
    const [first, second] = moveIds as [string, string];
    await fed.dst.sim.setDown(true);
    try {
      const result = await executeAction(applyMove, { moveId: first }, admin);
      expect(result).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/did not answer/) });
    } finally {
      await fed.dst.sim.setDown(false);
    }
    expect(await db.placementMove.findUniqueOrThrow({ where: { id: first } })).toMatchObject({
      status: "failed",
      upid: null,
      error: expect.stringMatching(/did not answer/),
    });
    expect(await db.placementMove.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ status: "pending" });
    expect((await db.placementPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("failed");
    expect(fed.src.sim.guest(103)).toMatchObject({ status: "stopped" });
    expect(fed.src.sim.guest(103)?.lock).toBeUndefined();
    expect(
      await db.auditEvent.findFirst({ where: { action: "placement.move-failed", targetId: first } }),
    ).toMatchObject({ payload: expect.objectContaining({ error: expect.stringMatching(/did not answer/) }) });

    expect(await executeAction(applyMove, { moveId: first }, admin)).toMatchObject({ ok: true });
    expect(await settle(first, admin)).toMatchObject({ ok: true, data: { status: "succeeded" } });
    // The other move is still to do: the plan is being applied move by move, not failed.
    expect((await db.placementPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("applying");
    expect(await executeAction(skipPlanMove, { moveId: second }, admin)).toMatchObject({ ok: true });
    expect((await db.placementPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("applied");
  });

  it("a migration task that fails on Proxmox marks the move failed with Proxmox's words and leaves the guest at the source", async () => {
    const operator = await createMember("operator");
    const { planId, moveIds } = await createPlan(operator.id, [
      { from: fed.src, to: fed.weak, vmid: 200, type: "lxc" },
    ]);
    const moveId = moveIds[0]!;
    const started = await executeAction(applyMove, { moveId }, operator);
    expect(started).toMatchObject({ ok: true, data: { upid: expect.stringMatching(/:vzmigrate:200:/) } });
    const settled = await settle(moveId, operator);
    expect(settled).toMatchObject({
      ok: true,
      data: { status: "failed", error: expect.stringMatching(/^The migration task failed: .*Sys\.Incoming/) },
    });
    expect(await db.placementMove.findUniqueOrThrow({ where: { id: moveId } })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/Permission check failed/),
    });
    expect((await db.placementPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("failed");
    expect(fed.src.sim.guest(200)).toMatchObject({ status: "running" });
    expect(fed.weak.sim.guests()).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { action: "placement.move-failed", targetId: moveId } })).toBe(1);
    // It can be skipped (or retried): the plan then reads as done.
    expect(await executeAction(skipPlanMove, { moveId }, operator)).toMatchObject({ ok: true });
    expect((await db.placementPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("applied");
    expect(await executeAction(skipPlanMove, { moveId }, operator)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("the worker", () => {
  it("settles a move whose browser went away, and Apply all applies the pending moves one after another", async () => {
    const operator = await createMember("operator");
    const stop = await registerPlacementJobs(await getBoss());
    try {
      const single = await createPlan(operator.id, [{ from: fed.dst, to: fed.src, vmid: 101 }]);
      expect(await executeAction(applyMove, { moveId: single.moveIds[0] }, operator)).toMatchObject({ ok: true });
      // Nobody calls settle: the follow job queued by the apply does.
      await until(
        () => db.placementMove.findUniqueOrThrow({ where: { id: single.moveIds[0] } }),
        (m) => m.status === "succeeded",
        20_000,
      );
      expect(
        await db.auditEvent.findFirst({ where: { action: "placement.move-succeeded", targetId: single.moveIds[0] } }),
      ).toMatchObject({ actorLabel: "system" });

      const plan = await createPlan(operator.id, [
        { from: fed.dst, to: fed.weak, vmid: 100 },
        { from: fed.dst, to: fed.src, vmid: 100 },
      ]);
      expect(await executeAction(applyAllMoves, { planId: plan.planId }, operator)).toMatchObject({
        ok: true,
        data: { pending: 2 },
      });
      // The first fails inside its task (weak lacks Sys.Incoming): the second is not started.
      await until(
        () => db.placementPlan.findUniqueOrThrow({ where: { id: plan.planId } }),
        (p) => p.status === "failed",
        20_000,
      );
      expect((await db.placementMove.findUniqueOrThrow({ where: { id: plan.moveIds[1] } })).status).toBe("pending");
      expect(await executeAction(applyAllMoves, { planId: plan.planId }, operator)).toMatchObject({
        ok: false,
        code: "conflict",
        message: expect.stringMatching(/retry or skip/),
      });
      // Skipped, the rest goes on.
      expect(await executeAction(skipPlanMove, { moveId: plan.moveIds[0] }, operator)).toMatchObject({ ok: true });
      expect(await executeAction(applyAllMoves, { planId: plan.planId }, operator)).toMatchObject({
        ok: true,
        data: { pending: 1 },
      });
      await until(
        () => db.placementPlan.findUniqueOrThrow({ where: { id: plan.planId } }),
        (p) => p.status === "applied",
        20_000,
      );
      expect(fed.src.sim.guests().some((g) => g.name === "qemu-100")).toBe(true);
    } finally {
      await stop();
    }
  }, 60_000);
});
