// Putting another area's change to a vote (a placement plan): a proposal created and opened at once
// in the caller's transaction, so the change and its vote commit together. The input goes through
// the same schema and permission as the proposal form; the caller only supplies the text.
import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { createProposal, openVoting } from "./mutations";
import { proposalInputSchema } from "./schemas";

export type OpenProposalInput = z.input<typeof proposalInputSchema>;

/** Refuses a member whose role may not propose votes; callers check it before their own work. */
export function assertMayPropose(user: SessionUser): void {
  if (!can(user.role, "governance.propose"))
    throw new ActionError("forbidden", "Your role does not allow proposing votes.");
}

export async function proposeAndOpenVote(
  ctx: ActionContext,
  input: OpenProposalInput,
): Promise<{ proposalId: string }> {
  assertMayPropose(ctx.user);
  const parsed = proposalInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    throw new ActionError("validation", "Some fields need attention.", fieldErrors);
  }
  const { id: proposalId } = await createProposal.run(parsed.data, ctx);
  await openVoting.run({ proposalId }, ctx);
  return { proposalId };
}
