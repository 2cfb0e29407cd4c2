// "Propose as a vote": the plan becomes an economic proposal with one phase per group of moves;
// when it passes and implementation starts, the worker's job applies the moves phase by phase
// through the real queue and the simulator; a rejected vote fails the plan, and an open vote
// cannot be withdrawn.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { closeDueProposals } from "@/lib/governance/close";
import { cancelProposal, startImplementation } from "@/lib/governance/mutations";
import { members } from "@/test/governance";
import { castVote } from "@/lib/governance/vote-mutations";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { applyMove, proposePlan } from "./mutations";
import { createPlan, startPlacementFederation, until, type PlacementFederation } from "@/test/placement-apply";
import { registerPlacementJobs } from "./jobs";

let fed: PlacementFederation;
beforeAll(async () => {
  fed = await startPlacementFederation();
}, 30_000);
afterAll(async () => {
  await stopBoss(5_000);
  await fed.close();
});

async function closeNow(proposalId: string): Promise<void> {
  await db.proposal.update({ where: { id: proposalId }, data: { closesAt: new Date(Date.now() - 1000) } });
  await closeDueProposals(new Date());
}

describe("propose as a vote", () => {
  it("creates an open economic proposal listing the moves, in phases; a passed vote's implementation applies them phase by phase", async () => {
    const [operator, viewer] = await members("operator", "viewer");
    const { planId, moveIds } = await createPlan(operator!.id, [
      { from: fed.src, to: fed.dst, vmid: 101 },
      { from: fed.src, to: fed.dst, vmid: 103 },
    ]);
    expect(await executeAction(proposePlan, { planId }, viewer!)).toMatchObject({ ok: false, code: "forbidden" });
    const proposed = await executeAction(
      proposePlan,
      { planId, movesPerPhase: 1, phaseHours: 1, closesInHours: 24 },
      operator!,
    );
    expect(proposed).toMatchObject({ ok: true });
    if (!proposed.ok) return;
    const { proposalId } = proposed.data;

    const proposal = await db.proposal.findUniqueOrThrow({
      where: { id: proposalId },
      include: { phases: { orderBy: { position: "asc" } } },
    });
    expect(proposal).toMatchObject({
      type: "economic",
      status: "open",
      title: "Placement plan: 2 moves, +$40.00 per month",
      authorId: operator!.id,
    });
    expect(proposal.description).toContain(`**qemu-101** (101) from ${fed.src.name} to ${fed.dst.name}`);
    expect(proposal.description).toContain(`/placement/plans/${planId}`);
    expect(proposal.concernsClusters).toEqual([fed.dst.name, fed.src.name].sort());
    expect(proposal.phases.map((p) => p.name)).toEqual(["Moves 1", "Moves 2"]);
    expect(await db.placementPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({
      status: "proposed",
      proposalId,
    });
    expect(
      (await db.placementMove.findMany({ where: { planId }, orderBy: { position: "asc" } })).map((m) => m.phase),
    ).toEqual([1, 2]);
    expect(await db.auditEvent.count({ where: { action: "placement.plan-proposed", targetId: planId } })).toBe(1);

    // Proposed twice, or applied by hand while the vote runs: refused.
    expect(await executeAction(proposePlan, { planId }, operator!)).toMatchObject({
      ok: false,
      code: "conflict",
      message: "This plan is already put to a vote.",
    });
    expect(await executeAction(applyMove, { moveId: moveIds[0] }, operator!)).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/put to a vote/),
    });

    await executeAction(castVote, { proposalId, choice: "for" }, operator!);
    await executeAction(castVote, { proposalId, choice: "for" }, viewer!);
    await closeNow(proposalId);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("passed");
    // Passing alone applies nothing: implementation starts when its author says so.
    expect((await db.placementPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("proposed");

    // Phase 2 is due a second after phase 1: the job waits for it.
    const now = Date.now();
    await db.proposalPhase.update({
      where: { id: proposal.phases[0]!.id },
      data: { startsAt: new Date(now - 60_000) },
    });
    await db.proposalPhase.update({ where: { id: proposal.phases[1]!.id }, data: { startsAt: new Date(now + 1_000) } });
    const stop = await registerPlacementJobs(await getBoss());
    expect(await executeAction(startImplementation, { proposalId }, operator!)).toMatchObject({ ok: true });

    const moves = await until(
      () => db.placementMove.findMany({ where: { planId }, orderBy: { position: "asc" } }),
      (list) => list.every((m) => m.status === "succeeded"),
      20_000,
    );
    await stop();
    // Phase order held: the second move started after the first ended and after its phase began.
    expect(moves[1]!.startedAt!.getTime()).toBeGreaterThanOrEqual(moves[0]!.finishedAt!.getTime());
    expect(moves[1]!.startedAt!.getTime()).toBeGreaterThanOrEqual(now + 1_000);
    for (const move of moves) {
      expect(move.upid).toMatch(/:qmigrate:/);
      expect(
        await db.auditEvent.findFirst({ where: { action: "placement.move-started", targetId: move.id } }),
      ).toMatchObject({ actorLabel: "system", payload: expect.objectContaining({ upid: move.upid }) });
      expect(await db.auditEvent.count({ where: { action: "placement.move-succeeded", targetId: move.id } })).toBe(1);
    }
    expect(fed.dst.sim.guests().map((g) => g.name)).toEqual(expect.arrayContaining(["qemu-101", "qemu-103"]));
    await until(
      () => db.proposal.findUniqueOrThrow({ where: { id: proposalId }, include: { phases: true } }),
      (p) => p.status === "done",
      5_000,
    );
    const done = await db.proposal.findUniqueOrThrow({ where: { id: proposalId }, include: { phases: true } });
    expect(done.phases.every((p) => p.completedAt !== null)).toBe(true);
    expect((await db.placementPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("applied");
  }, 40_000);

  it("a rejected vote fails the plan and skips its moves with the reason; an open one cannot be withdrawn", async () => {
    const [operator] = await members("operator");
    const rejected = await createPlan(operator!.id, [{ from: fed.src, to: fed.dst, vmid: 102 }]);
    const first = await executeAction(proposePlan, { planId: rejected.planId }, operator!);
    if (!first.ok) throw new Error(first.message);
    await executeAction(castVote, { proposalId: first.data.proposalId, choice: "against" }, operator!);
    await closeNow(first.data.proposalId);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: first.data.proposalId } })).status).toBe("rejected");
    expect((await db.placementPlan.findUniqueOrThrow({ where: { id: rejected.planId } })).status).toBe("failed");
    expect(await db.placementMove.findUniqueOrThrow({ where: { id: rejected.moveIds[0] } })).toMatchObject({
      status: "skipped",
      error: expect.stringMatching(/vote .* did not pass/),
    });
    expect(await db.auditEvent.count({ where: { action: "placement.plan-rejected", targetId: rejected.planId } })).toBe(
      1,
    );
    expect(fed.src.sim.guest(102)).toBeDefined();

    const withdrawn = await createPlan(operator!.id, [{ from: fed.src, to: fed.dst, vmid: 102 }]);
    const second = await executeAction(proposePlan, { planId: withdrawn.planId }, operator!);
    if (!second.ok) throw new Error(second.message);
    // An open vote runs to its end (issue 14): its author cannot withdraw it to keep the plan.
    expect(await executeAction(cancelProposal, { proposalId: second.data.proposalId }, operator!)).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await db.placementPlan.findUniqueOrThrow({ where: { id: withdrawn.planId } })).toMatchObject({
      status: "proposed",
      proposalId: second.data.proposalId,
    });
  });
});
