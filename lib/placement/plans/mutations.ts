// Saving a plan: the planner's dry run, recomputed on the server under the same what-if (never
// trusted from the browser), kept as a draft PlacementPlan with one PlacementMove per move. Moves
// copy the names they mention so a plan still reads after a guest or cluster is gone. Applying a
// draft — move by move or through a vote — is lib/placement/apply/'s business.
import { z } from "zod";
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { solvePlacementOffThread } from "@/lib/placement/solver/off-thread";
import { loadPlacementInput, type PlacementContext } from "./load";
import type { Move, Plan } from "@/lib/placement/engine/types";
import { EMPTY_WHAT_IF, whatIfSchema, type WhatIf } from "./what-if";

export const savePlanInputSchema = z.object({ whatIf: whatIfSchema.default(EMPTY_WHAT_IF) });

/** What a PlacementMove's `reason` holds: the sentence, and the numbers behind it. */
export interface StoredMoveReason {
  text: string;
  forced: boolean;
  from: Move["from"];
  to: Move["to"];
  ruledOut: Move["ruledOut"];
}

const usd = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/**
 * Writes a plan and its moves in the caller's transaction, and marks older drafts superseded (a
 * newer dry run replaces them). Exported for tests that need a saved plan with known moves.
 */
export async function persistPlan(
  tx: Tx,
  args: { plan: Plan; context: PlacementContext; whatIf: WhatIf; createdById: string },
): Promise<{ id: string; moves: number }> {
  const { plan, context, whatIf, createdById } = args;
  const clusterName = new Map(context.clusters.map((c) => [c.id, c.name]));
  const moves = plan.moves.flatMap((m, index) => {
    const guest = context.guests[m.replicaKey];
    const vmid = m.vmid ?? guest?.vmid;
    // Only a running guest can move; a replica still to place has nothing to migrate.
    if (vmid === undefined || vmid === null) return [];
    const reason: StoredMoveReason = { text: m.reason, forced: m.forced, from: m.from, to: m.to, ruledOut: m.ruledOut };
    return [
      {
        position: index + 1,
        workloadId: m.workloadId,
        sourceClusterId: m.fromClusterId,
        sourceName: clusterName.get(m.fromClusterId) ?? m.fromClusterId,
        vmid,
        guestType: guest?.type ?? "qemu",
        guestName: guest?.name ?? m.guestName ?? `guest ${vmid}`,
        targetClusterId: m.toClusterId,
        targetName: clusterName.get(m.toClusterId) ?? m.toClusterId,
        gainMonthlyUsd: usd(m.gainMonthlyUsd),
        reason: JSON.parse(JSON.stringify(reason)) as object,
      },
    ];
  });
  await tx.placementPlan.updateMany({ where: { status: "draft" }, data: { status: "superseded" } });
  const created = await tx.placementPlan.create({
    data: {
      createdById,
      solver: plan.solver,
      objective: plan.objective,
      gap: plan.gap,
      netBeforeUsd: usd(plan.netBeforeUsd),
      netAfterUsd: usd(plan.netAfterUsd),
      whatIf: JSON.parse(JSON.stringify(whatIf)) as object,
      moves: { create: moves },
    },
    select: { id: true },
  });
  return { id: created.id, moves: moves.length };
}

export const savePlan = defineMutation({
  name: "placement.save-plan",
  permission: "placement.plan",
  input: savePlanInputSchema,
  // Solving may take seconds (HiGHS): not inside a transaction. The plan, its moves and the audit
  // event are then written in one transaction of their own.
  transaction: false,
  async run({ whatIf }, { user }) {
    const { input, context } = await loadPlacementInput({ whatIf });
    const plan = await solvePlacementOffThread(input);
    if (plan.moves.length === 0)
      throw new ActionError("validation", "This plan has no moves: there is nothing to save.");
    return db.$transaction(async (tx) => {
      const saved = await persistPlan(tx, { plan, context, whatIf, createdById: user.id });
      await recordAudit(tx, {
        action: "placement.plan-saved",
        actor: { id: user.id, label: user.email },
        targetType: "placement-plan",
        targetId: saved.id,
        payload: {
          solver: plan.solver,
          moves: saved.moves,
          netBeforeUsd: usd(plan.netBeforeUsd),
          netAfterUsd: usd(plan.netAfterUsd),
          whatIf,
        },
      });
      return saved;
    });
  },
});
