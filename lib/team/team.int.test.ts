import { beforeEach, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db } from "@/lib/db";
import { createMember, isolateAdmins } from "@/test/factories";
import { hashInvitationToken } from "./invitation-token";
import {
  acceptInvitation,
  changeOwnPassword,
  changeRole,
  inviteMember,
  revokeInvitation,
  setMemberDisabled,
} from "./mutations";

function tokenOf(link: string): string {
  return link.slice(link.lastIndexOf("/") + 1);
}

describe("invitations", () => {
  it("an admin invites; the link is stored only as a hash, works once, and is audited", async () => {
    const admin = await createMember("admin");
    const email = `new-${Date.now()}@test.example`;
    const invited = await executeAction(inviteMember, { email: email.toUpperCase(), role: "operator" }, admin);
    expect(invited.ok).toBe(true);
    if (!invited.ok) return;
    const token = tokenOf(invited.data.link);
    const stored = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(stored.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const accepted = await executeAction(
      acceptInvitation,
      { token, name: "New Operator", password: "a long enough password" },
      null,
    );
    expect(accepted).toEqual({ ok: true, data: { email } });
    const member = await db.user.findUniqueOrThrow({ where: { email } });
    expect(member.role).toBe("operator");

    const again = await executeAction(
      acceptInvitation,
      { token, name: "Again", password: "a long enough password" },
      null,
    );
    expect(again).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.auditEvent.count({ where: { action: "team.invitation-accepted", targetId: member.id } })).toBe(1);
  });

  it("refuses a forged token, changes nothing, and audits the attempt", async () => {
    const before = await db.user.count();
    const forged = "A".repeat(43);
    const result = await executeAction(
      acceptInvitation,
      { token: forged, name: "Mallory", password: "a long enough password" },
      null,
    );
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.user.count()).toBe(before);
    const event = await db.auditEvent.findFirst({
      where: { action: "team.invitation-forged" },
      orderBy: { seq: "desc" },
    });
    expect(event?.actorLabel).toBe("anonymous");
    expect(JSON.stringify(event?.payload)).not.toContain(forged);
  });

  it("refuses revoked and expired invitations", async () => {
    const admin = await createMember("admin");
    const revoked = await executeAction(inviteMember, { email: `r-${Date.now()}@test.example`, role: "viewer" }, admin);
    const expired = await executeAction(inviteMember, { email: `e-${Date.now()}@test.example`, role: "viewer" }, admin);
    if (!revoked.ok || !expired.ok) throw new Error("invite failed");
    const revokedRow = await db.invitation.findUniqueOrThrow({
      where: { tokenHash: hashInvitationToken(tokenOf(revoked.data.link)) },
    });
    expect(await executeAction(revokeInvitation, { invitationId: revokedRow.id }, admin)).toMatchObject({ ok: true });
    await db.invitation.update({
      where: { tokenHash: hashInvitationToken(tokenOf(expired.data.link)) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    const a = await executeAction(
      acceptInvitation,
      { token: tokenOf(revoked.data.link), name: "R", password: "a long enough password" },
      null,
    );
    const b = await executeAction(
      acceptInvitation,
      { token: tokenOf(expired.data.link), name: "E", password: "a long enough password" },
      null,
    );
    expect(a).toMatchObject({ ok: false, message: expect.stringContaining("revoked") });
    expect(b).toMatchObject({ ok: false, message: expect.stringContaining("expired") });
  });

  it("accepts an invitation exactly once under concurrent clicks", async () => {
    const admin = await createMember("admin");
    const email = `race-${Date.now()}@test.example`;
    const invited = await executeAction(inviteMember, { email, role: "viewer" }, admin);
    if (!invited.ok) throw new Error("invite failed");
    const token = tokenOf(invited.data.link);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        executeAction(acceptInvitation, { token, name: "Racer", password: "a long enough password" }, null),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("validates input and refuses a viewer, auditing the denial", async () => {
    const admin = await createMember("admin");
    const viewer = await createMember("viewer");
    const bad = await executeAction(inviteMember, { email: "not an email", role: "root" }, admin);
    expect(bad).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { email: expect.any(Array), role: expect.any(Array) },
    });
    const oversized = await executeAction(
      inviteMember,
      { email: `${"x".repeat(300)}@test.example`, role: "viewer" },
      admin,
    );
    expect(oversized).toMatchObject({ ok: false, code: "validation" });

    const before = await db.invitation.count();
    const denied = await executeAction(inviteMember, { email: "someone@test.example", role: "admin" }, viewer);
    expect(denied).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.invitation.count()).toBe(before);
    expect(await db.auditEvent.count({ where: { action: "access.denied", actorId: viewer.id } })).toBe(1);

    expect(await executeAction(inviteMember, { email: "someone@test.example", role: "admin" }, null)).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
  });
});

describe("members", () => {
  beforeEach(async () => {
    await db.user.updateMany({ where: {}, data: { disabledAt: new Date() } });
  });

  it("never demotes or disables the last active admin, even when two admins act at once", async () => {
    const a = await createMember("admin");
    const b = await createMember("admin");
    await isolateAdmins([a.id, b.id]);
    // Each demotes the other at the same moment: exactly one may succeed.
    const [ab, ba] = await Promise.all([
      executeAction(changeRole, { userId: b.id, role: "viewer" }, a),
      executeAction(changeRole, { userId: a.id, role: "viewer" }, b),
    ]);
    expect([ab.ok, ba.ok].filter(Boolean)).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);

    const survivor = ab.ok ? a : b;
    const other = ab.ok ? b : a;
    const selfDemote = await executeAction(changeRole, { userId: survivor.id, role: "operator" }, survivor);
    expect(selfDemote).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringContaining("last active admin"),
    });
    // The demoted one is no longer an admin, so it cannot act as one.
    expect(
      await executeAction(setMemberDisabled, { userId: survivor.id, disabled: true }, { ...other, role: "viewer" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("disables and enables a member, and refuses to disable oneself", async () => {
    const admin = await createMember("admin");
    const operator = await createMember("operator");
    expect(await executeAction(setMemberDisabled, { userId: operator.id, disabled: true }, admin)).toMatchObject({
      ok: true,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: operator.id } })).disabledAt).not.toBeNull();
    expect(await executeAction(setMemberDisabled, { userId: operator.id, disabled: false }, admin)).toMatchObject({
      ok: true,
    });
    expect(await executeAction(setMemberDisabled, { userId: admin.id, disabled: true }, admin)).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await executeAction(setMemberDisabled, { userId: "not-a-uuid", disabled: true }, admin)).toMatchObject({
      ok: false,
      code: "validation",
    });
    expect(
      await executeAction(setMemberDisabled, { userId: "00000000-0000-4000-8000-000000000000", disabled: true }, admin),
    ).toMatchObject({ ok: false, code: "not_found" });
  });

  it("changes one's own password only with the current one, ending other sessions", async () => {
    const member = await createMember("viewer");
    const wrong = await executeAction(
      changeOwnPassword,
      { currentPassword: "nope", newPassword: "another long password" },
      member,
    );
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: expect.any(Array) } });
    const right = await executeAction(
      changeOwnPassword,
      { currentPassword: "correct horse battery", newPassword: "another long password" },
      member,
    );
    expect(right).toMatchObject({ ok: true });
    expect(await db.userSession.count({ where: { userId: member.id, revokedAt: null } })).toBe(0);
  });

  it("leaves an intact chain after all of the above", async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
