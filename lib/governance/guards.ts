import { ActionError } from "@/lib/actions/result";
import { isAuthorOrAdmin } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db";
import { lockProposal } from "./locks";

/**
 * Loads a proposal for a change, locking its row so concurrent transitions take turns, and
 * checks the member may steer it: its author or an admin.
 */
export async function lockProposalForChange(tx: Tx, proposalId: string, user: SessionUser) {
  await lockProposal(tx, proposalId);
  const proposal = await tx.proposal.findUnique({
    where: { id: proposalId },
    include: { phases: { orderBy: { position: "asc" } } },
  });
  if (!proposal) throw new ActionError("not_found", "This proposal does not exist.");
  if (!isAuthorOrAdmin(user, proposal.authorId))
    throw new ActionError("forbidden", "Only the author or an admin can change this proposal.");
  return proposal;
}

export function conflict(message: string): never {
  throw new ActionError("conflict", message);
}
