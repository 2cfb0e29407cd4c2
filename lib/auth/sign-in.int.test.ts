import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createMember, KNOWN_PASSWORD } from "@/test/factories";
import { SignInError, signInWithPassword } from "./sign-in";

// The real argon2 verification, counted: the burst test asserts how many guesses were checked.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      verifications.count++;
      return real.verifyPassword(hash, password);
    },
  };
});

const from = (address: string | null) => ({ address, userAgent: "vitest", sessionMaxAgeHours: 12 });

describe("signing in", () => {
  beforeEach(() => {
    verifications.count = 0;
  });

  it("accepts the right password, case-insensitively on the email, and opens a session record", async () => {
    const member = await createMember("operator");
    const signedIn = await signInWithPassword(
      { email: member.email.toUpperCase(), password: KNOWN_PASSWORD },
      from("10.0.0.1"),
    );
    expect(signedIn.id).toBe(member.id);
    const session = await db.userSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } });
    expect(session).toMatchObject({
      userId: member.id,
      address: "10.0.0.1",
      addressVerified: true,
      userAgent: "vitest",
      revokedAt: null,
    });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 3600_000);
  });

  it("locks the account after five failures whatever address each came from", async () => {
    const member = await createMember("viewer");
    // The old bypass: a different X-Forwarded-For for every guess.
    for (let i = 1; i <= 4; i++) {
      await expect(signInWithPassword({ email: member.email, password: "wrong" }, from(`10.1.0.${i}`))).rejects.toThrow(
        "Email or password is incorrect.",
      );
    }
    await expect(signInWithPassword({ email: member.email, password: "wrong" }, from("10.1.0.5"))).rejects.toThrow(
      /This account is locked for 15 more minutes/,
    );
    // The right password, from yet another address (or none): still locked, and not even checked.
    verifications.count = 0;
    for (const address of ["10.1.0.6", null]) {
      await expect(
        signInWithPassword({ email: member.email, password: KNOWN_PASSWORD }, from(address)),
      ).rejects.toThrow(/locked/);
    }
    expect(verifications.count).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.locked", targetId: member.id } })).toBe(1);
  });

  it("verifies at most five of 200 parallel wrong passwords, then the lock holds", async () => {
    const member = await createMember("viewer");
    const attempts = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        signInWithPassword({ email: member.email, password: `guess ${i}` }, from(`10.2.${i >> 8}.${i & 255}`)),
      ),
    );
    expect(attempts.every((a) => a.status === "rejected" && a.reason instanceof SignInError)).toBe(true);
    expect(verifications.count).toBe(5);
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${member.email}` } });
    expect(row.failures).toBe(200);
    expect(row.lockedUntil).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.locked", targetId: member.id } })).toBe(1);
  });

  it("pauses an address after 20 attempts across accounts, leaving other addresses alone", async () => {
    const address = "10.3.0.1";
    for (let i = 0; i < 20; i++) {
      await expect(
        signInWithPassword({ email: `sprayed-${randomUUID().slice(0, 8)}@test.example`, password: "x" }, from(address)),
      ).rejects.toBeInstanceOf(SignInError);
    }
    const member = await createMember("viewer");
    verifications.count = 0;
    await expect(signInWithPassword({ email: member.email, password: KNOWN_PASSWORD }, from(address))).rejects.toThrow(
      /Sign-ins from your address are paused/,
    );
    expect(verifications.count).toBe(0);
    // The paused address did not count against the account: it signs in from elsewhere.
    await expect(
      signInWithPassword({ email: member.email, password: KNOWN_PASSWORD }, from("10.3.255.2")),
    ).resolves.toMatchObject({ id: member.id });
    expect(await db.auditEvent.count({ where: { action: "auth.address-paused", targetId: address } })).toBe(1);
  });

  it("starts the account afresh after a success, and gives the address its slot back", async () => {
    const member = await createMember("viewer");
    for (let i = 0; i < 4; i++) {
      await expect(
        signInWithPassword({ email: member.email, password: "wrong" }, from("10.4.0.1")),
      ).rejects.toBeInstanceOf(SignInError);
    }
    await signInWithPassword({ email: member.email, password: KNOWN_PASSWORD }, from("10.4.0.1"));
    expect(await db.signInThrottle.findUnique({ where: { key: `account:${member.email}` } })).toBeNull();
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: "address:10.4.0.1" } })).failures).toBe(4);
    // Four more wrong guesses are allowed again before the fifth locks.
    for (let i = 0; i < 4; i++) {
      await expect(signInWithPassword({ email: member.email, password: "wrong" }, from(null))).rejects.toThrow(
        "Email or password is incorrect.",
      );
    }
  });

  it("refuses a disabled member and unknown accounts with messages that say what to do", async () => {
    const member = await createMember("viewer", { disabled: true });
    await expect(signInWithPassword({ email: member.email, password: KNOWN_PASSWORD }, from(null))).rejects.toThrow(
      /disabled/,
    );
    expect(await db.userSession.count({ where: { userId: member.id } })).toBe(0);
    await expect(
      signInWithPassword({ email: "nobody@test.example", password: "whatever" }, from(null)),
    ).rejects.toBeInstanceOf(SignInError);
    await expect(signInWithPassword({ email: "x".repeat(500), password: "" }, from(null))).rejects.toThrow(
      "Email or password is incorrect.",
    );
  });
});
