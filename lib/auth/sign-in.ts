// Credential checking for next-auth's Credentials provider, with the throttle and the audit trail.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "./password";
import { clearThrottle, lockMessage, lockRemainingMs, readThrottle, recordFailure, throttleKey } from "./throttle";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export class SignInError extends Error {}

export interface SignedIn {
  id: string;
  sessionVersion: number;
}

const INCORRECT = "Email or password is incorrect.";
// Verified against when the account does not exist, so both paths take the same time.
let decoyHash: Promise<string> | undefined;

export async function signInWithPassword(raw: unknown, address: string): Promise<SignedIn> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new SignInError(INCORRECT);
  const { email, password } = parsed.data;
  const key = throttleKey(email, address);
  const now = new Date();

  const remaining = lockRemainingMs(await readThrottle(db, key), now);
  if (remaining > 0) throw new SignInError(lockMessage(remaining));

  const user = await db.user.findUnique({ where: { email } });
  decoyHash ??= hashPassword("decoy password for timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);

  if (!user || !valid) {
    const state = await db.$transaction(async (tx) => {
      const next = await recordFailure(tx, key, now);
      if (next.failures === 5 && next.lockedUntil) {
        await recordAudit(tx, {
          action: "auth.locked",
          actor: { id: null, label: email },
          targetType: "user",
          targetId: user?.id,
          payload: { email, address, lockedUntil: next.lockedUntil.toISOString() },
        });
      }
      return next;
    });
    const lockedFor = lockRemainingMs(state, now);
    throw new SignInError(lockedFor > 0 ? lockMessage(lockedFor) : INCORRECT);
  }
  if (user.disabledAt) throw new SignInError("This account is disabled. Ask an admin to enable it.");

  await db.$transaction(async (tx) => {
    await clearThrottle(tx, key);
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(tx, {
      action: "auth.sign-in",
      actor: { id: user.id, label: user.email },
      targetType: "user",
      targetId: user.id,
      payload: { address },
    });
  });
  return { id: user.id, sessionVersion: user.sessionVersion };
}

/** The client's address as the nearest proxy (Next's server, or the one in front of it) saw it. */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.at(-1) : forwarded;
  return value?.split(",").at(-1)?.trim() || "unknown";
}
