// Applying plans, as action definitions (actions.ts binds them to the session). Moves call
// clusters, so those actions run outside a held transaction (apply.ts takes short ones around the
// network calls and audits each step itself); proposing is one transaction with governance.
import { z } from "zod";
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { assertMayPropose, proposeAndOpenVote } from "@/lib/governance/propose";
import { planLockReason } from "@/lib/placement/plans/lock";
import { lockPlan } from "@/lib/placement/plans/row-locks";
import { moveClusters, planClusters } from "@/lib/placement/plans/touched-clusters";
import { settleMove, skipMove, startMove, type SettleResult, type StartedMove } from "./apply";
import { readMoveReason } from "@/lib/placement/plans/move-reason";
import { phasePlan, proposalDescription, proposalTitle } from "./proposal-text";
import { queueAdvance } from "./queue";

const moveIdSchema = z.object({ moveId: z.uuid({ message: "Unknown move." }) });
const planIdSchema = z.object({ planId: z.uuid({ message: "Unknown plan." }) });

export const proposePlanInputSchema = planIdSchema.extend({
  closesInHours: z.coerce
    .number()
    .int()
    .min(1, "Voting lasts at least an hour.")
    .max(720, "Voting lasts at most 30 days.")
    .default(72),
  movesPerPhase: z.coerce
    .number()
    .int()
    .min(1, "At least one move per phase.")
    .max(100, "At most 100 moves per phase.")
    .default(5),
  phaseHours: z.coerce
    .number()
    .int()
    .min(0, "Phases cannot overlap backwards.")
    .max(720, "At most 30 days between phases.")
    .default(24),
});

const actorOf = (user: { id: string; email: string }) => ({ id: user.id, label: user.email });

/** A voted plan being implemented goes on with its next move once this one is settled by hand. */
async function continueVotedPlan(moveId: string): Promise<void> {
  const move = await db.placementMove.findUniqueOrThrow({
    where: { id: moveId },
    select: { planId: true, plan: { select: { proposal: { select: { status: true } } } } },
  });
  if (move.plan.proposal?.status === "implementing") await queueAdvance({ planId: move.planId, all: true });
}

export const applyMove = defineMutation({
  name: "placement.apply-move",
  permission: "placement.apply",
  input: moveIdSchema,
  transaction: false,
  clusters: ({ moveId }, tx) => moveClusters(tx, moveId),
  async run({ moveId }, { user }): Promise<StartedMove> {
    const started = await startMove(moveId, actorOf(user));
    // The browser follows the task and settles it; the worker does too should the browser go away.
    await queueAdvance({ planId: started.planId, all: false }, 5);
    return started;
  },
});

export const settleMoveStep = defineMutation({
  name: "placement.settle-move",
  permission: "placement.apply",
  input: moveIdSchema,
  transaction: false,
  clusters: ({ moveId }, tx) => moveClusters(tx, moveId),
  async run({ moveId }, { user }): Promise<SettleResult> {
    const result = await settleMove(moveId, actorOf(user));
    if (result.status !== "running") await continueVotedPlan(moveId);
    return result;
  },
});

export const skipPlanMove = defineMutation({
  name: "placement.skip-move",
  permission: "placement.apply",
  input: moveIdSchema,
  transaction: false,
  clusters: ({ moveId }, tx) => moveClusters(tx, moveId),
  async run({ moveId }, { user }) {
    await skipMove(moveId, actorOf(user));
    await continueVotedPlan(moveId);
    return { moveId };
  },
});

export const applyAllMoves = defineMutation({
  name: "placement.apply-all",
  permission: "placement.apply",
  input: planIdSchema,
  clusters: ({ planId }, tx) => planClusters(tx, planId),
  async run({ planId }, { tx, audit }) {
    await lockPlan(tx, planId);
    const plan = await tx.placementPlan.findUnique({
      where: { id: planId },
      select: { status: true, proposal: { select: { status: true } }, moves: { select: { status: true } } },
    });
    if (!plan) throw new ActionError("not_found", "This plan does not exist.");
    const locked = planLockReason(plan);
    if (locked) throw new ActionError("conflict", locked);
    if (plan.moves.some((m) => m.status === "failed"))
      throw new ActionError("conflict", "A move failed: retry or skip it before applying the rest.");
    const pending = plan.moves.filter((m) => m.status === "pending").length;
    if (pending === 0) throw new ActionError("conflict", "No move is left to apply.");
    if (!(await queueAdvance({ planId, all: true })))
      throw new ActionError(
        "internal",
        "The job queue did not accept the work. Try again; if it persists, check the worker.",
      );
    audit({ action: "placement.plan-apply-all", targetType: "placement-plan", targetId: planId, payload: { pending } });
    return { pending };
  },
});

export const proposePlan = defineMutation({
  name: "placement.propose",
  permission: "placement.apply",
  input: proposePlanInputSchema,
  clusters: ({ planId }, tx) => planClusters(tx, planId),
  async run({ planId, closesInHours, movesPerPhase, phaseHours }, ctx) {
    const { tx, user, audit } = ctx;
    assertMayPropose(user);
    await lockPlan(tx, planId);
    const plan = await tx.placementPlan.findUnique({
      where: { id: planId },
      include: { moves: { orderBy: { position: "asc" } } },
    });
    if (!plan) throw new ActionError("not_found", "This plan does not exist.");
    if (plan.status !== "draft")
      throw new ActionError(
        "conflict",
        plan.proposalId
          ? "This plan is already put to a vote."
          : `Only a draft plan can be put to a vote (this one is ${plan.status}).`,
      );
    if (plan.moves.length === 0) throw new ActionError("conflict", "This plan has no moves to vote on.");
    if (plan.moves.some((m) => m.status !== "pending"))
      throw new ActionError(
        "conflict",
        "Some moves have already been applied or skipped: compute a fresh plan to put to a vote.",
      );

    const now = new Date();
    const closesAt = new Date(now.getTime() + closesInHours * 3_600_000);
    const { numbers, phases } = phasePlan(plan.moves.length, { closesAt, movesPerPhase, phaseHours });
    const summary = {
      id: plan.id,
      solver: plan.solver,
      createdAt: plan.createdAt,
      netBeforeUsd: plan.netBeforeUsd.toNumber(),
      netAfterUsd: plan.netAfterUsd.toNumber(),
      moves: plan.moves.map((m) => ({
        position: m.position,
        guestName: m.guestName,
        vmid: m.vmid,
        sourceName: m.sourceName,
        targetName: m.targetName,
        gainMonthlyUsd: m.gainMonthlyUsd.toNumber(),
        reason: readMoveReason(m.reason).text,
      })),
    };
    const names = [...new Set(plan.moves.flatMap((m) => [m.sourceName, m.targetName]))];
    const registered = (await tx.cluster.findMany({ where: { name: { in: names } }, select: { name: true } }))
      .map((c) => c.name)
      .sort();
    const { proposalId } = await proposeAndOpenVote(ctx, {
      title: proposalTitle(summary),
      description: proposalDescription(summary, numbers, `${env().APP_URL}/placement/plans/${plan.id}`),
      type: "economic",
      opensAt: now,
      closesAt,
      phases,
      concernsClusters: registered,
    });
    for (const phase of new Set(numbers)) {
      await tx.placementMove.updateMany({
        where: { id: { in: plan.moves.filter((_, i) => numbers[i] === phase).map((m) => m.id) } },
        data: { phase },
      });
    }
    await tx.placementPlan.update({ where: { id: planId }, data: { proposalId, status: "proposed" } });
    audit({
      action: "placement.plan-proposed",
      targetType: "placement-plan",
      targetId: planId,
      payload: {
        proposal: proposalId,
        moves: plan.moves.length,
        phases: phases.length,
        closesAt: closesAt.toISOString(),
      },
    });
    return { proposalId };
  },
});
