// Sign-in throttling. Every attempt first reserves a slot under two keys — the account, whatever
// the address, and the client's address when it is known — in one atomic statement each, before
// any password is verified. Within a 15-minute window an account gets 5 slots and an address 20;
// the slot that reaches the limit locks the key for 15 minutes. Only attempts holding a slot are
// verified, so a burst of any size verifies at most 5 guesses. A successful sign-in gives its
// slots back (the account's row is deleted, the address's count goes down by one).
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";

export interface Limit {
  max: number;
  windowMs: number;
  lockMs: number;
}

export const ACCOUNT_LIMIT: Limit = { max: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_LIMIT: Limit = { max: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

export interface Reservation {
  /** This attempt's number within the window: 1 for the first. */
  attempt: number;
  lockedUntil: Date | null;
}

/** Whether the reservation may go on to verify a password. */
export function granted(reservation: Reservation, limit: Limit): boolean {
  return reservation.attempt <= limit.max;
}

/**
 * Counts one attempt under `key`. A window that is over (or a lock that has run out) starts again
 * at 1; the attempt that reaches `max` sets the lock. Concurrent reservations on one key queue on
 * its row, so each sees a distinct number.
 */
export async function reserveAttempt(db: Tx, key: string, limit: Limit, now = new Date()): Promise<Reservation> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const lockUntil = new Date(now.getTime() + limit.lockMs);
  const lock = limit.max <= 1 ? lockUntil : null;
  // Right-hand sides of an UPDATE see the old row: `over` is whether the old window has ended.
  const over = Prisma.sql`(("SignInThrottle"."lockedUntil" IS NULL AND "SignInThrottle"."windowStartsAt" <= ${windowStart})
    OR "SignInThrottle"."lockedUntil" <= ${now})`;
  const rows = await db.$queryRaw<Array<{ failures: number; lockedUntil: Date | null }>>`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStartsAt", "lockedUntil")
    VALUES (${key}, 1, ${now}, ${lock}::timestamptz)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN ${over} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStartsAt" = CASE WHEN ${over} THEN ${now} ELSE "SignInThrottle"."windowStartsAt" END,
      "lockedUntil" = CASE
        WHEN ${over} THEN ${lock}::timestamptz
        WHEN "SignInThrottle"."lockedUntil" IS NOT NULL THEN "SignInThrottle"."lockedUntil"
        WHEN "SignInThrottle"."failures" + 1 >= ${limit.max} THEN ${lockUntil}::timestamptz
      END
    RETURNING "failures", "lockedUntil"`;
  const [row] = rows;
  if (!row) throw new Error("The sign-in throttle returned no row");
  return { attempt: row.failures, lockedUntil: row.lockedUntil };
}

/** A successful sign-in: the account starts afresh. */
export async function clearAttempts(db: Tx, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

/** A successful sign-in from an address gives back the slot it took there (a shared NAT signs in often). */
export async function refundAttempt(db: Tx, key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0)
    WHERE "key" = ${key} AND "lockedUntil" IS NULL`;
}

/** Milliseconds the key stays locked, or 0. */
export function lockRemainingMs(reservation: Pick<Reservation, "lockedUntil">, now = new Date()): number {
  return reservation.lockedUntil ? Math.max(0, reservation.lockedUntil.getTime() - now.getTime()) : 0;
}

/** Deletes rows whose window and lock are both over: they would start afresh anyway. */
export async function pruneAttempts(db: Tx, now = new Date()): Promise<number> {
  const longest = Math.max(ACCOUNT_LIMIT.windowMs, ADDRESS_LIMIT.windowMs);
  const { count } = await db.signInThrottle.deleteMany({
    where: {
      windowStartsAt: { lt: new Date(now.getTime() - longest) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  });
  return count;
}

/** Locked accounts by email, for the team page (an admin may unlock them). */
export async function lockedAccounts(db: Tx, now = new Date()): Promise<Map<string, Date>> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { startsWith: "account:" }, lockedUntil: { gt: now } },
    select: { key: true, lockedUntil: true },
  });
  return new Map(rows.map((row) => [row.key.slice("account:".length), row.lockedUntil ?? now]));
}

export function lockMessage(remainingMs: number, scope: "account" | "address" = "account"): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  const what = scope === "account" ? "This account is locked" : "Sign-ins from your address are paused";
  return `Too many failed sign-ins. ${what} for ${minutes} more minute${minutes === 1 ? "" : "s"}.`;
}
