import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { granted, pruneAttempts, reserveAttempt, type Limit } from "./throttle";

const LIMIT: Limit = { max: 3, windowMs: 60_000, lockMs: 120_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

describe("the throttle's window and lock", () => {
  it("locks at the limit, holds for the lock time, then starts afresh", async () => {
    const key = "test:window";
    expect(await reserveAttempt(db, key, LIMIT, at(0))).toEqual({ attempt: 1, lockedUntil: null });
    await reserveAttempt(db, key, LIMIT, at(1));
    const third = await reserveAttempt(db, key, LIMIT, at(2));
    expect(third).toEqual({ attempt: 3, lockedUntil: at(122) });
    expect(granted(third, LIMIT)).toBe(true);
    // Beyond the limit: refused, and the lock is not pushed further out.
    const fourth = await reserveAttempt(db, key, LIMIT, at(100));
    expect(granted(fourth, LIMIT)).toBe(false);
    expect(fourth.lockedUntil).toEqual(at(122));
    expect(await reserveAttempt(db, key, LIMIT, at(122))).toEqual({ attempt: 1, lockedUntil: null });
  });

  it("forgets attempts once the window is over", async () => {
    const key = "test:forget";
    await reserveAttempt(db, key, LIMIT, at(0));
    await reserveAttempt(db, key, LIMIT, at(30));
    expect(await reserveAttempt(db, key, LIMIT, at(61))).toMatchObject({ attempt: 1 });
  });

  it("prunes rows whose window and lock are over, keeping locks that still hold", async () => {
    const now = new Date();
    const past = new Date(now.getTime() - 3600_000);
    await reserveAttempt(db, "test:stale", LIMIT, past);
    await reserveAttempt(db, "test:locked", { max: 1, windowMs: 1000, lockMs: 7200_000 }, past);
    await pruneAttempts(db, now);
    expect(await db.signInThrottle.findUnique({ where: { key: "test:stale" } })).toBeNull();
    expect(await db.signInThrottle.findUnique({ where: { key: "test:locked" } })).not.toBeNull();
  });
});
