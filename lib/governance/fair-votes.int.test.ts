// Issue 14, fair votes: each test would have caught one way to bend a vote.
import { describe, expect, it, vi } from "vitest";
import { POST as postPrices } from "@/app/api/v1/prices/route";
import { POST as postRevenue } from "@/app/api/v1/revenue/route";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/earnings/mutations";
import { skipPlanMove, proposePlan } from "@/lib/placement/apply/mutations";
import { PLAN_FROZEN } from "@/lib/placement/plans/lock";
import { createCluster } from "@/test/factories";
import { created, members, opened, proposalInput } from "@/test/governance";
import { DEFAULT_MINIMUMS } from "./minimums";
import { setVotingMinimums } from "./minimums-mutations";
import { cancelProposal, createProposal, openVoting, updateProposal } from "./mutations";

vi.mock("./schedule", () => ({ scheduleVotingJobs: async () => undefined }));

const HOUR = 3_600_000;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

function post(route: typeof postRevenue, body: unknown, key: string) {
  return route(
    new Request("http://test/api/v1/x", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${key}` },
    }),
  );
}

describe("economic weight", () => {
  it("does not move with revenue or prices uploaded just before the vote opens", async () => {
    const [admin, honest, inflater] = await members("admin", "operator", "operator");
    const clusters = await Promise.all([
      createCluster({ electricityPricePerKwh: "0", currency: "USD" }),
      createCluster({ electricityPricePerKwh: "0", currency: "USD" }),
    ]);
    await db.clusterAssignment.createMany({
      data: [
        { userId: honest!.id, clusterId: clusters[0].id },
        { userId: inflater!.id, clusterId: clusters[1].id },
      ],
    });
    const key = await executeAction(
      createApiKey,
      { name: "ledger", scopes: ["revenue:write", "prices:write"] },
      admin!,
    );
    if (!key.ok) throw new Error(key.message);
    // Both clusters earned 100 USD last week, uploaded back then (its insertion time moved back).
    const earned = clusters.map((c, i) => ({
      cluster: c.name,
      network: "helium",
      date: day(7),
      amount: 100,
      symbol: "USD",
      external_id: `old-${i}`,
    }));
    expect(await (await post(postRevenue, { entries: earned }, key.data.key)).json()).toMatchObject({ imported: 2 });
    await db.revenueEntry.updateMany({
      where: { externalId: { in: ["old-0", "old-1"] } },
      data: { createdAt: new Date(Date.now() - 48 * HOUR) },
    });
    // Minutes before opening, the inflater uploads a fortune and a price that multiplies it.
    const fortune = [
      {
        cluster: clusters[1].name,
        network: "helium",
        date: day(3),
        amount: 1_000_000,
        symbol: "USD",
        external_id: "new-1",
      },
      {
        cluster: clusters[1].name,
        network: "helium",
        date: day(3),
        amount: 1_000,
        symbol: "HNT",
        external_id: "new-2",
      },
    ];
    expect(await (await post(postRevenue, { entries: fortune }, key.data.key)).json()).toMatchObject({ imported: 2 });
    const price = { prices: [{ symbol: "HNT", date: day(3), usd: 5_000_000 }] };
    expect(await (await post(postPrices, price, key.data.key)).json()).toMatchObject({ saved: 1, repriced: 1 });

    const id = await opened(inflater!, {
      type: "economic",
      weightClusterStake: 0,
      weightExpertise: 0,
      weightEconomic: 100,
    });
    const voters = await db.proposalVoter.findMany({ where: { proposalId: id } });
    const weightOf = (userId: string) => voters.find((v) => v.userId === userId);
    expect(weightOf(inflater!.id)?.economicShare).toBeCloseTo(0.5, 9);
    expect(weightOf(honest!.id)?.economicShare).toBeCloseTo(0.5, 9);
    expect(weightOf(inflater!.id)?.weight).toBe(weightOf(honest!.id)?.weight);
  });
});

describe("federation minimums", () => {
  it("refuse a proposal below them with a clear message, and only an admin changes them, audited", async () => {
    const [admin, operator] = await members("admin", "operator");
    const before = await db.proposal.count();
    const rigged = await executeAction(
      createProposal,
      proposalInput({ quorumPct: 0, thresholdPct: 1, closesAt: new Date(Date.now() + 60_000) }),
      operator!,
    );
    expect(rigged).toMatchObject({
      ok: false,
      code: "validation",
      message: expect.stringContaining("minimums"),
      fieldErrors: {
        quorumPct: [`The federation requires a quorum of at least ${DEFAULT_MINIMUMS.minQuorumPct} %.`],
        thresholdPct: [`The federation requires a threshold of at least ${DEFAULT_MINIMUMS.minThresholdPct} %.`],
        closesAt: [expect.stringContaining("at least 1 day")],
      },
    });
    expect(await db.proposal.count()).toBe(before);

    // Editing a draft down to the rigged rules is refused the same way.
    const id = await created(operator!);
    const edit = await executeAction(
      updateProposal,
      { proposalId: id, proposal: proposalInput({ quorumPct: 0 }) },
      operator!,
    );
    expect(edit).toMatchObject({ ok: false, code: "validation", fieldErrors: { quorumPct: [expect.any(String)] } });
    expect(await db.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ quorumPct: 50 });

    const raised = { minQuorumPct: 60, minThresholdPct: 70, minWindowHours: 48 };
    expect(await executeAction(setVotingMinimums, raised, operator!)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(setVotingMinimums, { ...raised, minWindowHours: 0 }, admin!)).toMatchObject({
      ok: false,
      code: "validation",
    });
    try {
      expect(await executeAction(setVotingMinimums, raised, admin!)).toMatchObject({ ok: true });
      const event = await db.auditEvent.findFirstOrThrow({
        where: { action: "governance.minimums-set" },
        orderBy: { seq: "desc" },
      });
      expect(event).toMatchObject({ actorId: admin!.id, payload: { from: DEFAULT_MINIMUMS, to: raised } });
      // The draft (quorum 50, threshold 67) was fair when written; opening checks today's floors.
      expect(await executeAction(openVoting, { proposalId: id }, operator!)).toMatchObject({
        ok: false,
        code: "conflict",
        message: expect.stringContaining("quorum of at least 60 %"),
      });
      expect(await db.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "draft" });
    } finally {
      await db.governanceSettings.deleteMany();
    }
  });
});

describe("an open vote runs to its end", () => {
  it("cannot be cancelled by its author or an admin; a draft can be withdrawn", async () => {
    const [author, admin] = await members("operator", "admin");
    const id = await opened(author!);
    for (const who of [author!, admin!]) {
      expect(await executeAction(cancelProposal, { proposalId: id }, who)).toMatchObject({
        ok: false,
        code: "conflict",
        message: "An open vote runs to its end: only a draft can be withdrawn.",
      });
    }
    expect(await db.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "open", cancelledAt: null });
    const draft = await created(author!);
    expect(await executeAction(cancelProposal, { proposalId: draft }, author!)).toMatchObject({ ok: true });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: draft } })).toMatchObject({ status: "cancelled" });
  });
});

/** A saved draft plan of pending moves between two registered clusters (none is ever called). */
async function draftPlan(createdById: string, vmids: number[]) {
  const [from, to] = await Promise.all([createCluster(), createCluster()]);
  const plan = await db.placementPlan.create({
    data: {
      createdById,
      solver: "exact",
      objective: 1,
      netBeforeUsd: 10,
      netAfterUsd: 20,
      moves: {
        create: vmids.map((vmid, position) => ({
          position,
          sourceClusterId: from.id,
          sourceName: from.name,
          vmid,
          guestType: "qemu" as const,
          guestName: `qemu-${vmid}`,
          targetClusterId: to.id,
          targetName: to.name,
          gainMonthlyUsd: 5,
          reason: { text: "earns more there", forced: false, from: {}, to: {}, ruledOut: [] },
        })),
      },
    },
    select: { id: true, moves: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  return { planId: plan.id, moveIds: plan.moves.map((m) => m.id) };
}

describe("a plan under vote is frozen", () => {
  it("refuses to skip its moves while the proposal is open", async () => {
    const [operator] = await members("operator");
    const { planId, moveIds } = await draftPlan(operator!.id, [101, 102]);
    expect(await executeAction(proposePlan, { planId }, operator!)).toMatchObject({ ok: true });
    expect(await executeAction(skipPlanMove, { moveId: moveIds[0]! }, operator!)).toMatchObject({
      ok: false,
      code: "conflict",
      message: PLAN_FROZEN,
    });
    const moves = await db.placementMove.findMany({ where: { planId }, select: { status: true } });
    expect(moves.every((m) => m.status === "pending")).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "placement.move-skipped", targetId: moveIds[0] } })).toBe(0);
  });
});
