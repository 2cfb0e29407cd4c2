// Test data for integration tests: real rows in the per-run database.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

// A real argon2id hash of "correct horse battery", computed once so tests don't pay for hashing.
let knownHash: Promise<string> | undefined;
export const KNOWN_PASSWORD = "correct horse battery";

export async function createMember(
  role: Role,
  overrides: { email?: string; disabled?: boolean } = {},
): Promise<SessionUser> {
  const { hashPassword } = await import("@/lib/auth/password");
  knownHash ??= hashPassword(KNOWN_PASSWORD);
  const email = overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@test.example`;
  const user = await db.user.create({
    data: {
      email,
      name: `${role} ${email.slice(0, 12)}`,
      role,
      passwordHash: await knownHash,
      disabledAt: overrides.disabled ? new Date() : null,
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Leaves exactly the given admins active: disables every other admin so "last admin" tests are exact. */
export async function isolateAdmins(keep: string[]): Promise<void> {
  await db.user.updateMany({ where: { role: "admin", id: { notIn: keep } }, data: { disabledAt: new Date() } });
}

/** Token and pin columns for cluster rows no test ever connects to (nothing decrypts them). */
export const PLACEHOLDER_CREDENTIALS = {
  tokenId: "sovereign@pve!console",
  tokenSecretCiphertext: "x",
  tokenSecretIv: "x",
  tokenSecretTag: "x",
  tokenSecretKeyId: "test",
  fingerprint: "AA:BB",
};

/**
 * A registered cluster row as the registry leaves it (a real encrypted throwaway token), with
 * neutral site data; tests override what they are about.
 */
export async function createCluster(
  overrides: Partial<Prisma.ClusterUncheckedCreateInput> = {},
): Promise<{ id: string; name: string }> {
  const { encryptSecret } = await import("@/lib/clusters/secrets");
  const id = overrides.id ?? randomUUID();
  return db.cluster.create({
    data: {
      id,
      name: `test-${id.slice(0, 8)}`,
      apiUrl: "https://127.0.0.1:1",
      tokenId: "sovereign@pve!console",
      fingerprint: Array.from({ length: 32 }, () => "AB").join(":"),
      siteName: "Test site",
      role: "edge",
      tier: 3,
      latitude: 0,
      longitude: 0,
      country: "FR",
      electricityPricePerKwh: "0.2",
      currency: "EUR",
      ...encryptSecret(id, "not-a-real-secret"),
      ...overrides,
    },
    select: { id: true, name: true },
  });
}
