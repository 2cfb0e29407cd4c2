// Test data for integration tests: real rows in the per-run database.
import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

// A real argon2id hash of "correct horse battery", computed once so tests don't pay for hashing.
let knownHash: Promise<string> | undefined;
export const KNOWN_PASSWORD = "correct horse battery";

export async function createMember(role: Role, overrides: { email?: string; disabled?: boolean } = {}): Promise<SessionUser> {
  const { hashPassword } = await import("@/lib/auth/password");
  knownHash ??= hashPassword(KNOWN_PASSWORD);
  const email = overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@test.example`;
  const user = await db.user.create({
    data: { email, name: `${role} ${email.slice(0, 12)}`, role, passwordHash: await knownHash, disabledAt: overrides.disabled ? new Date() : null },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Leaves exactly the given admins active: disables every other admin so "last admin" tests are exact. */
export async function isolateAdmins(keep: string[]): Promise<void> {
  await db.user.updateMany({ where: { role: "admin", id: { notIn: keep } }, data: { disabledAt: new Date() } });
}
