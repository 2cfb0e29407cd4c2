// Row locks on placement's tables, one helper per way in. Every path locks a plan before any of
// its moves, so two transactions touching the same plan cannot deadlock.
import type { Tx } from "@/lib/db";

/** Locks a plan's row for the transaction. */
export async function lockPlan(tx: Tx, planId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "PlacementPlan" WHERE id = ${planId}::uuid FOR UPDATE`;
}

/** Locks the plan put to this proposal's vote, if there is one. */
export async function lockPlanOfProposal(tx: Tx, proposalId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "PlacementPlan" WHERE "proposalId" = ${proposalId}::uuid FOR UPDATE`;
}

/** Locks a move's plan, then the move. */
export async function lockMove(tx: Tx, moveId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "PlacementPlan" WHERE id = (SELECT "planId" FROM "PlacementMove" WHERE id = ${moveId}::uuid) FOR UPDATE`;
  await tx.$executeRaw`SELECT 1 FROM "PlacementMove" WHERE id = ${moveId}::uuid FOR UPDATE`;
}
