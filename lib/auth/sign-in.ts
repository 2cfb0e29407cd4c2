// Credential checking for next-auth's Credentials provider: the throttle (lib/auth/throttle.ts)
// first, then the password, then a server-side session (lib/auth/sessions.ts), with the audit trail.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "./password";
import { createSession, pruneSessions } from "./sessions";
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  accountKey,
  addressKey,
  clearAttempts,
  granted,
  lockMessage,
  lockRemainingMs,
  pruneAttempts,
  refundAttempt,
  reserveAttempt,
} from "./throttle";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export class SignInError extends Error {}

export interface SignInContext {
  /** The client's address (lib/auth/client-address.ts); null when unknown. */
  address: string | null;
  /** What the session list shows as its address (may be unverified); defaults to `address`. */
  reportedAddress?: { address: string | null; verified: boolean };
  userAgent?: string;
  sessionMaxAgeHours: number;
}

export interface SignedIn {
  id: string;
  sessionId: string;
}

const INCORRECT = "Email or password is incorrect.";
// Verified against when the account does not exist, so both paths take the same time.
let decoyHash: Promise<string> | undefined;
// Expired throttle rows and long-ended sessions are deleted at most this often per process.
const PRUNE_EVERY_MS = 10 * 60_000;
let prunedAt = 0;

export async function signInWithPassword(raw: unknown, context: SignInContext): Promise<SignedIn> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new SignInError(INCORRECT);
  const { email, password } = parsed.data;
  const { address } = context;
  const now = new Date();
  await pruneNowAndThen(now);

  // The address first: an address that is paused does not count against the account it tries.
  if (address) {
    const byAddress = await reserveAttempt(db, addressKey(address), ADDRESS_LIMIT, now);
    if (byAddress.attempt === ADDRESS_LIMIT.max)
      await auditLock({ scope: "address", email, address, until: byAddress });
    if (!granted(byAddress, ADDRESS_LIMIT)) {
      throw new SignInError(lockMessage(lockRemainingMs(byAddress, now), "address"));
    }
  }
  const byAccount = await reserveAttempt(db, accountKey(email), ACCOUNT_LIMIT, now);
  if (!granted(byAccount, ACCOUNT_LIMIT)) throw new SignInError(lockMessage(lockRemainingMs(byAccount, now)));

  const user = await db.user.findUnique({ where: { email } });
  decoyHash ??= hashPassword("decoy password for timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);

  if (!user || !valid) {
    // The reservation already counted this failure; the one that reached the limit locked it.
    if (byAccount.attempt === ACCOUNT_LIMIT.max) {
      await auditLock({ scope: "account", email, address, userId: user?.id, until: byAccount });
      throw new SignInError(lockMessage(lockRemainingMs(byAccount, now)));
    }
    throw new SignInError(INCORRECT);
  }
  if (user.disabledAt) throw new SignInError("This account is disabled. Ask an admin to enable it.");

  return db.$transaction(async (tx) => {
    await clearAttempts(tx, accountKey(email));
    if (address) await refundAttempt(tx, addressKey(address));
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    const sessionId = await createSession(
      tx,
      {
        userId: user.id,
        userAgent: context.userAgent,
        address: context.reportedAddress ?? { address, verified: address !== null },
        maxAgeHours: context.sessionMaxAgeHours,
      },
      now,
    );
    await recordAudit(tx, {
      action: "auth.sign-in",
      actor: { id: user.id, label: user.email },
      targetType: "user",
      targetId: user.id,
      payload: { address, sessionId },
    });
    return { id: user.id, sessionId };
  });
}

async function auditLock(lock: {
  scope: "account" | "address";
  email: string;
  address: string | null;
  userId?: string;
  until: { lockedUntil: Date | null };
}): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: lock.scope === "account" ? "auth.locked" : "auth.address-paused",
      actor: { id: null, label: lock.email },
      targetType: lock.scope === "account" ? "user" : "address",
      targetId: lock.scope === "account" ? lock.userId : (lock.address ?? undefined),
      payload: { email: lock.email, address: lock.address, lockedUntil: lock.until.lockedUntil?.toISOString() },
    }),
  );
}

async function pruneNowAndThen(now: Date): Promise<void> {
  if (now.getTime() - prunedAt < PRUNE_EVERY_MS) return;
  prunedAt = now.getTime();
  await pruneAttempts(db, now);
  await pruneSessions(db, now);
}
