// Shared by the governance integration tests: proposals in a known state, and an electorate
// limited to the members a test names (files run one at a time, so this cannot disturb others).
import type { Role } from "@/generated/prisma/enums";
import { executeAction } from "@/lib/actions/execute";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createMember } from "@/test/factories";
import { createProposal, openVoting } from "@/lib/governance/mutations";
import type { ProposalInput } from "@/lib/governance/schemas";

export async function members(...roles: Role[]): Promise<SessionUser[]> {
  const created = await Promise.all(roles.map((role) => createMember(role)));
  await db.user.updateMany({
    where: { id: { notIn: created.map((m) => m.id) }, disabledAt: null },
    data: { disabledAt: new Date() },
  });
  return created;
}

export function proposalInput(overrides: Partial<ProposalInput> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    title: "Upgrade every cluster to PVE 9.1",
    description: "Roll out **site by site**.",
    type: "technical",
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 7 * 86_400_000).toISOString(),
    phases: [{ name: "Lyon", startsAt: new Date(now).toISOString(), endsAt: new Date(now + 86_400_000).toISOString() }],
    ...overrides,
  };
}

export async function created(author: SessionUser, overrides: Partial<ProposalInput> = {}): Promise<string> {
  const result = await executeAction(createProposal, proposalInput(overrides), author);
  if (!result.ok) throw new Error(`create failed: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.id;
}

export async function opened(author: SessionUser, overrides: Partial<ProposalInput> = {}): Promise<string> {
  const id = await created(author, overrides);
  const result = await executeAction(openVoting, { proposalId: id }, author);
  if (!result.ok) throw new Error(`open failed: ${result.message}`);
  return id;
}

/** Moves the window's end, as if time had passed, without waiting for it. */
export async function closeWindowAt(proposalId: string, closesAt: Date): Promise<void> {
  await db.proposal.update({ where: { id: proposalId }, data: { closesAt } });
}

export async function auditActions(proposalId: string): Promise<string[]> {
  const events = await db.auditEvent.findMany({
    where: { targetType: "proposal", targetId: proposalId },
    orderBy: { seq: "asc" },
    select: { action: true },
  });
  return events.map((e) => e.action);
}
