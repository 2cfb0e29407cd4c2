import { describe, expect, it, vi } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { endMemberSessions, endOwnSession, unlockMember } from "@/lib/team/access-mutations";
import { changeOwnPassword, setMemberDisabled } from "@/lib/team/mutations";
import { createMember, KNOWN_PASSWORD } from "@/test/factories";
import { authOptions } from "./options";
import { createSession, liveSession, pruneSessions } from "./sessions";
import { signInWithPassword } from "./sign-in";
import { accountKey } from "./throttle";

const open = (userId: string, maxAgeHours = 12, now = new Date()) =>
  createSession(
    db,
    {
      userId,
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
      address: { address: null, verified: false },
      maxAgeHours,
    },
    now,
  );

describe("server-side sessions", () => {
  it("signing out revokes the record the cookie names, so a copy of it no longer signs in", async () => {
    const member = await createMember("viewer");
    const sessionId = await open(member.id);
    expect(await liveSession(db, sessionId)).toMatchObject({ user: { id: member.id } });
    await authOptions().events?.signOut?.({ token: { sub: member.id, sid: sessionId }, session: null as never });
    expect(await liveSession(db, sessionId)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.sign-out", targetId: member.id } })).toBe(1);
  });

  it("ends at the absolute expiry however recently the session was used", async () => {
    const member = await createMember("viewer");
    const start = new Date("2026-01-01T00:00:00Z");
    const sessionId = await open(member.id, 2, start);
    expect(await liveSession(db, sessionId, new Date("2026-01-01T01:59:00Z"))).not.toBeNull();
    // Seen a minute ago, which a refresh of the cookie would also do: still over at two hours.
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date("2026-01-01T01:59:30Z") } });
    expect(await liveSession(db, sessionId, new Date("2026-01-01T02:00:00Z"))).toBeNull();
  });

  it("refuses ids that are not session ids", async () => {
    for (const id of [undefined, 42, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect(await liveSession(db, id)).toBeNull();
    }
  });

  it("disabling a member or changing their password revokes all their sessions", async () => {
    const admin = await createMember("admin");
    const disabled = await createMember("viewer");
    const sessions = [await open(disabled.id), await open(disabled.id)];
    expect(await executeAction(setMemberDisabled, { userId: disabled.id, disabled: true }, admin)).toMatchObject({
      ok: true,
    });
    await executeAction(setMemberDisabled, { userId: disabled.id, disabled: false }, admin);
    for (const id of sessions) expect(await liveSession(db, id)).toBeNull();

    const changer = await createMember("operator");
    const theirs = await open(changer.id);
    const result = await executeAction(
      changeOwnPassword,
      { currentPassword: KNOWN_PASSWORD, newPassword: "a brand new long password" },
      { ...changer, sessionId: theirs },
    );
    expect(result).toMatchObject({ ok: true });
    expect(await liveSession(db, theirs)).toBeNull();
  });

  it("lets a member end their other sessions but not the current one, nor anyone else's", async () => {
    const member = await createMember("viewer");
    const other = await createMember("viewer");
    const current = await open(member.id);
    const phone = await open(member.id);
    const othersSession = await open(other.id);
    const me = { ...member, sessionId: current };

    expect(await executeAction(endOwnSession, { sessionId: current }, me)).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await executeAction(endOwnSession, { sessionId: othersSession }, me)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await liveSession(db, othersSession)).not.toBeNull();
    expect(await executeAction(endOwnSession, { sessionId: phone }, me)).toMatchObject({ ok: true });
    expect(await liveSession(db, phone)).toBeNull();
    expect(await liveSession(db, current)).not.toBeNull();
  });

  it("lets an admin end a member's sessions and unlock them; other roles are refused", async () => {
    const admin = await createMember("admin");
    const operator = await createMember("operator");
    const member = await createMember("viewer");
    const sessionId = await open(member.id);

    expect(await executeAction(endMemberSessions, { userId: member.id }, operator)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await executeAction(endMemberSessions, { userId: member.id }, admin)).toMatchObject({
      ok: true,
      data: { ended: 1 },
    });
    expect(await liveSession(db, sessionId)).toBeNull();

    for (let i = 0; i < 5; i++) {
      await signInWithPassword(
        { email: member.email, password: "wrong" },
        { address: null, sessionMaxAgeHours: 1 },
      ).catch(() => undefined);
    }
    await expect(
      signInWithPassword({ email: member.email, password: KNOWN_PASSWORD }, { address: null, sessionMaxAgeHours: 1 }),
    ).rejects.toThrow(/locked/);
    expect(await executeAction(unlockMember, { userId: member.id }, operator)).toMatchObject({ code: "forbidden" });
    expect(await executeAction(unlockMember, { userId: member.id }, admin)).toMatchObject({ ok: true });
    expect(await db.signInThrottle.findUnique({ where: { key: accountKey(member.email) } })).toBeNull();
    await expect(
      signInWithPassword({ email: member.email, password: KNOWN_PASSWORD }, { address: null, sessionMaxAgeHours: 1 }),
    ).resolves.toMatchObject({ id: member.id });
    expect(await db.auditEvent.count({ where: { action: "team.member-unlocked", targetId: member.id } })).toBe(1);
  });

  it("marks cookies Secure exactly when the console is served over https", async () => {
    expect(authOptions().useSecureCookies).toBe(false);
    vi.stubEnv("APP_URL", "https://sovereign.example.org");
    vi.resetModules();
    try {
      const fresh = await import("./options");
      expect(fresh.authOptions().useSecureCookies).toBe(true);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("prunes sessions ended more than a week ago", async () => {
    const member = await createMember("viewer");
    const old = await open(member.id, 1, new Date("2025-01-01T00:00:00Z"));
    const live = await open(member.id);
    await pruneSessions(db);
    expect(await db.userSession.findUnique({ where: { id: old } })).toBeNull();
    expect(await db.userSession.findUnique({ where: { id: live } })).not.toBeNull();
  });
});
