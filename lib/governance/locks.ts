// Row locks on governance's tables, one helper per table, so every path takes them the same way.
// A proposal's lifecycle changes (close, cancel, implement, phases) take it exclusively; votes
// take it shared, so they run side by side while closing waits for them and they for it.
import type { Tx } from "@/lib/db";

export interface LockedProposal {
  status: string;
  closesAt: Date;
}

/** Locks the proposal's row for the transaction; null when there is no such proposal. */
export async function lockProposal(
  tx: Tx,
  proposalId: string,
  mode: "update" | "share" = "update",
): Promise<LockedProposal | null> {
  const rows =
    mode === "share"
      ? await tx.$queryRaw<LockedProposal[]>`
          SELECT status::text AS status, "closesAt" FROM "Proposal" WHERE id = ${proposalId}::uuid FOR SHARE`
      : await tx.$queryRaw<LockedProposal[]>`
          SELECT status::text AS status, "closesAt" FROM "Proposal" WHERE id = ${proposalId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Locks a member's voter row on a proposal (their weight), null when they are not a voter. */
export async function lockVoter(tx: Tx, proposalId: string, userId: string): Promise<{ weight: number } | null> {
  const rows = await tx.$queryRaw<{ weight: number }[]>`
    SELECT weight FROM "ProposalVoter" WHERE "proposalId" = ${proposalId}::uuid AND "userId" = ${userId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}
