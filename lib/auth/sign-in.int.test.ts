import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createMember, KNOWN_PASSWORD } from "@/test/factories";
import { SignInError, signInWithPassword } from "./sign-in";

describe("signing in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const member = await createMember("operator");
    const signedIn = await signInWithPassword(
      { email: member.email.toUpperCase(), password: KNOWN_PASSWORD },
      "10.0.0.1",
    );
    expect(signedIn.id).toBe(member.id);
  });

  it("locks an account for one address after five failures, and only for that address", async () => {
    const member = await createMember("viewer");
    for (let i = 0; i < 4; i++) {
      await expect(signInWithPassword({ email: member.email, password: "wrong" }, "10.0.0.2")).rejects.toThrow(
        "Email or password is incorrect.",
      );
    }
    await expect(signInWithPassword({ email: member.email, password: "wrong" }, "10.0.0.2")).rejects.toThrow(
      /locked .* 15 more minutes/,
    );
    // Now even the right password is refused from that address…
    await expect(signInWithPassword({ email: member.email, password: KNOWN_PASSWORD }, "10.0.0.2")).rejects.toThrow(
      /locked/,
    );
    // …but not from another.
    await expect(
      signInWithPassword({ email: member.email, password: KNOWN_PASSWORD }, "10.0.0.3"),
    ).resolves.toMatchObject({ id: member.id });
    expect(await db.auditEvent.count({ where: { action: "auth.locked", targetId: member.id } })).toBe(1);
  });

  it("counts concurrent failures exactly", async () => {
    const member = await createMember("viewer");
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => signInWithPassword({ email: member.email, password: "wrong" }, "10.0.0.4")),
    );
    expect(attempts.every((a) => a.status === "rejected")).toBe(true);
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `${member.email}|10.0.0.4` } });
    expect(row.failures).toBe(5);
    expect(row.lockedUntil).not.toBeNull();
  });

  it("refuses a disabled member and unknown accounts with messages that say what to do", async () => {
    const member = await createMember("viewer", { disabled: true });
    await expect(signInWithPassword({ email: member.email, password: KNOWN_PASSWORD }, "10.0.0.5")).rejects.toThrow(
      /disabled/,
    );
    await expect(
      signInWithPassword({ email: "nobody@test.example", password: "whatever" }, "10.0.0.5"),
    ).rejects.toBeInstanceOf(SignInError);
    await expect(signInWithPassword({ email: "x".repeat(500), password: "" }, "10.0.0.5")).rejects.toThrow(
      "Email or password is incorrect.",
    );
  });
});
