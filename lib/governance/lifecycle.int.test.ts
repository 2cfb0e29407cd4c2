import { describe, expect, it, vi } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db } from "@/lib/db";
import { runCloseDue } from "./jobs";
import {
  cancelProposal,
  completeProposal,
  createProposal,
  enactEmergency,
  openVoting,
  setPhaseDone,
  startImplementation,
  updateProposal,
} from "./mutations";
import { createCluster } from "@/test/factories";
import { auditActions, closeWindowAt, created, members, opened, proposalInput } from "@/test/governance";
import { castVote } from "./vote-mutations";

// Opening a vote queues its close job; the job itself is tested in jobs.int.test.ts.
const scheduled = vi.hoisted(() => [] as { proposalId: string; closesAt: Date }[]);
vi.mock("./schedule", () => ({
  scheduleVotingJobs: async (proposalId: string, closesAt: Date) => void scheduled.push({ proposalId, closesAt }),
}));

describe("proposal lifecycle", () => {
  it("draft → open → passed → implementing → done, every transition audited", async () => {
    const [author, voter] = await members("operator", "admin");
    const id = await created(author!);
    const edited = await executeAction(
      updateProposal,
      { proposalId: id, proposal: proposalInput({ title: "Upgrade to PVE 9.1, phased over 30 days" }) },
      author!,
    );
    expect(edited.ok).toBe(true);

    expect(await executeAction(openVoting, { proposalId: id }, author!)).toMatchObject({
      ok: true,
      data: { voters: 2 },
    });
    expect(scheduled.find((s) => s.proposalId === id)?.closesAt).toEqual(
      (await db.proposal.findUniqueOrThrow({ where: { id } })).closesAt,
    );
    // Frozen once open.
    expect(await executeAction(updateProposal, { proposalId: id, proposal: proposalInput() }, author!)).toMatchObject({
      ok: false,
      code: "conflict",
    });

    expect((await executeAction(castVote, { proposalId: id, choice: "against" }, author!)).ok).toBe(true);
    expect((await executeAction(castVote, { proposalId: id, choice: "for" }, author!)).ok).toBe(true);
    expect((await executeAction(castVote, { proposalId: id, choice: "for" }, voter!)).ok).toBe(true);

    await closeWindowAt(id, new Date(Date.now() - 1000));
    expect(await runCloseDue()).toContainEqual({ id, status: "passed" });
    const closed = await db.proposal.findUniqueOrThrow({ where: { id }, include: { phases: true } });
    expect(closed).toMatchObject({
      status: "passed",
      resultFor: 2,
      resultAgainst: 0,
      resultAbstain: 0,
      resultEligible: 2,
    });

    expect((await executeAction(startImplementation, { proposalId: id }, author!)).ok).toBe(true);
    expect(await executeAction(completeProposal, { proposalId: id }, author!)).toMatchObject({
      ok: false,
      message: expect.stringContaining("Lyon"),
    });
    expect(
      (await executeAction(setPhaseDone, { proposalId: id, phaseId: closed.phases[0]!.id, done: true }, author!)).ok,
    ).toBe(true);
    expect((await executeAction(completeProposal, { proposalId: id }, author!)).ok).toBe(true);

    expect(await auditActions(id)).toEqual([
      "governance.proposal-created",
      "governance.proposal-updated",
      "governance.voting-opened",
      "governance.vote-cast",
      "governance.vote-changed",
      "governance.vote-cast",
      "governance.proposal-passed",
      "governance.implementation-started",
      "governance.phase-completed",
      "governance.proposal-done",
    ]);
    const system = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "governance.proposal-passed" },
    });
    expect(system.actorLabel).toBe("system");
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("closing is idempotent: a second run changes nothing", async () => {
    const [author] = await members("operator");
    const id = await opened(author!);
    await closeWindowAt(id, new Date(Date.now() - 1000));
    await Promise.all([runCloseDue(), runCloseDue()]);
    await runCloseDue();
    expect((await auditActions(id)).filter((a) => a === "governance.proposal-rejected")).toHaveLength(1);
  });

  it("refuses bad input with field errors and creates nothing", async () => {
    const [author] = await members("operator");
    const before = await db.proposal.count();
    const bad = await executeAction(
      createProposal,
      proposalInput({
        title: "x",
        closesAt: new Date(0),
        weightClusterStake: 50,
        weightExpertise: 30,
        weightEconomic: 30,
        phases: [{ name: "", startsAt: new Date(5), endsAt: new Date(1) }],
      }),
      author!,
    );
    expect(bad).toMatchObject({ ok: false, code: "validation" });
    if (!bad.ok)
      expect(Object.keys(bad.fieldErrors ?? {})).toEqual(
        expect.arrayContaining(["title", "closesAt", "weightEconomic", "phases.0.name", "phases.0.endsAt"]),
      );
    expect(await executeAction(createProposal, { ...proposalInput(), type: "coup" }, author!)).toMatchObject({
      ok: false,
      code: "validation",
    });
    expect(await db.proposal.count()).toBe(before);
  });

  it("names only registered clusters as the ones it concerns", async () => {
    const [author] = await members("operator");
    const cluster = await createCluster();
    const before = await db.proposal.count();
    const unknown = await executeAction(
      createProposal,
      proposalInput({ concernsClusters: [cluster.name, "atlantis"] }),
      author!,
    );
    expect(unknown).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { concernsClusters: ["Not a registered cluster: atlantis."] },
    });
    expect(await db.proposal.count()).toBe(before);
    const known = await executeAction(createProposal, proposalInput({ concernsClusters: [cluster.name] }), author!);
    expect(known.ok).toBe(true);
    if (known.ok)
      expect(await db.proposal.findUniqueOrThrow({ where: { id: known.data.id } })).toMatchObject({
        concernsClusters: [cluster.name],
      });
  });

  it("only the author or an admin steers a proposal; a viewer cannot propose", async () => {
    const [author, other, viewer] = await members("operator", "operator", "viewer");
    const id = await created(author!);
    expect(await executeAction(openVoting, { proposalId: id }, other!)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(cancelProposal, { proposalId: id }, other!)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await executeAction(createProposal, proposalInput(), viewer!)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await db.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "draft" });
  });

  it("refuses to open a window that has already ended", async () => {
    const [author] = await members("operator");
    const id = await created(author!, {
      opensAt: new Date(Date.now() - 3 * 86_400_000),
      closesAt: new Date(Date.now() - 3600_000),
    });
    expect(await executeAction(openVoting, { proposalId: id }, author!)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("emergencies", () => {
  it("only an admin enacts; enactment opens a 72-hour ratification that cannot be withdrawn", async () => {
    const [admin, operator] = await members("admin", "operator");
    const id = await created(operator!, { type: "emergency" });
    expect(await executeAction(enactEmergency, { proposalId: id }, operator!)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await executeAction(openVoting, { proposalId: id }, operator!)).toMatchObject({
      ok: false,
      code: "conflict",
    });
    const before = Date.now();
    expect((await executeAction(enactEmergency, { proposalId: id }, admin!)).ok).toBe(true);
    const enacted = await db.proposal.findUniqueOrThrow({ where: { id } });
    expect(enacted.status).toBe("open");
    expect(enacted.enactedAt).not.toBeNull();
    expect(enacted.closesAt.getTime() - before).toBeGreaterThanOrEqual(72 * 3600_000 - 5_000);
    expect(await executeAction(cancelProposal, { proposalId: id }, admin!)).toMatchObject({
      ok: false,
      code: "conflict",
    });

    await executeAction(castVote, { proposalId: id, choice: "against" }, admin!);
    await executeAction(castVote, { proposalId: id, choice: "against" }, operator!);
    await closeWindowAt(id, new Date(Date.now() - 1000));
    await runCloseDue();
    expect(await db.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "rejected" });
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(["governance.emergency-enacted", "governance.emergency-not-ratified"]),
    );
  });
});
