import type { Tx } from "@/lib/db";
import { ActionError } from "@/lib/actions/result";

// Serialises changes that could remove the last admin, so two admins demoting each other at the
// same moment cannot both succeed.
const ADMINS_LOCK_KEY = 7_355_609;

/** Throws unless an active admin other than `userId` would remain. */
export async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMINS_LOCK_KEY})`;
  const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } });
  if (others === 0)
    throw new ActionError("conflict", "This is the last active admin. Make another member an admin first.");
}

export async function getMemberOrThrow(tx: Tx, userId: string) {
  const member = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, disabledAt: true },
  });
  if (!member) throw new ActionError("not_found", "That member no longer exists.");
  return member;
}
