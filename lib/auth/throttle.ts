// Sign-in throttling per (account, address): five failures within 15 minutes lock the pair for
// 15 minutes. The state machine is pure; `recordFailure` applies it under a row lock.
import type { Tx } from "@/lib/db";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export interface ThrottleState {
  failures: number;
  windowStartsAt: Date;
  lockedUntil: Date | null;
}

export function nextStateAfterFailure(previous: ThrottleState | null, now: Date): ThrottleState {
  const windowOver = !previous || now.getTime() - previous.windowStartsAt.getTime() >= WINDOW_MS;
  const lockOver = previous?.lockedUntil != null && previous.lockedUntil <= now;
  if (!previous || windowOver || lockOver) return { failures: 1, windowStartsAt: now, lockedUntil: null };
  const failures = previous.failures + 1;
  return {
    failures,
    windowStartsAt: previous.windowStartsAt,
    lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : previous.lockedUntil,
  };
}

/** Milliseconds the pair stays locked, or 0. */
export function lockRemainingMs(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

export function throttleKey(email: string, address: string): string {
  return `${email.toLowerCase()}|${address}`;
}

export async function readThrottle(db: Tx, key: string): Promise<ThrottleState | null> {
  return db.signInThrottle.findUnique({
    where: { key },
    select: { failures: true, windowStartsAt: true, lockedUntil: true },
  });
}

/** Counts one failure; concurrent failures for the same key are applied one after another. */
export async function recordFailure(tx: Tx, key: string, now: Date): Promise<ThrottleState> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  const next = nextStateAfterFailure(await readThrottle(tx, key), now);
  await tx.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
  return next;
}

export async function clearThrottle(db: Tx, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

export function lockMessage(remainingMs: number): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return `Too many failed sign-ins. This account is locked from your address for ${minutes} more minute${minutes === 1 ? "" : "s"}.`;
}
