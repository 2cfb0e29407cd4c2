// Team administration and one's own account, as action definitions. lib/team/actions.ts binds
// them to the request session; tests run them with executeAction and a user of their choosing.
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { mailConfigured, sendMail } from "@/lib/mail";
import { assertAnotherActiveAdmin, getMemberOrThrow } from "./guards";
import { hashInvitationToken, INVITATION_TTL_MS, isWellFormedToken, newInvitationToken } from "./invitation-token";
import {
  acceptInvitationInputSchema,
  changePasswordInputSchema,
  changeRoleInputSchema,
  inviteInputSchema,
  revokeInvitationInputSchema,
  setDisabledInputSchema,
} from "./schemas";

export const inviteMember = defineMutation({
  name: "team.invite",
  permission: "team.invite",
  input: inviteInputSchema,
  async run({ email, role }, { tx, user, audit }) {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new ActionError("conflict", "A member with this email already exists.", { email: ["Already a member."] });
    }
    const { token, tokenHash } = newInvitationToken();
    const invitation = await tx.invitation.create({
      data: { email, role, tokenHash, invitedById: user.id, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) },
    });
    const link = `${env().APP_URL}/invite/${token}`;
    audit({ action: "team.invited", targetType: "invitation", targetId: invitation.id, payload: { email, role } });
    const emailed = mailConfigured()
      ? await sendMail(
          email,
          "You are invited to Sovereign",
          `${user.name} invited you to Sovereign as ${role}.\n\nOpen this link within 7 days to choose your name and password:\n${link}\n`,
        )
      : false;
    return { link, emailed, expiresAt: invitation.expiresAt.toISOString() };
  },
});

export const revokeInvitation = defineMutation({
  name: "team.revoke-invitation",
  permission: "team.revoke-invitation",
  input: revokeInvitationInputSchema,
  async run({ invitationId }, { tx, audit }) {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new ActionError("conflict", "This invitation was already accepted or revoked.");
    audit({ action: "team.invitation-revoked", targetType: "invitation", targetId: invitationId });
    return { revoked: true };
  },
});

export const acceptInvitation = defineMutation({
  name: "team.accept-invitation",
  permission: "public",
  input: acceptInvitationInputSchema,
  async run({ token, name, password }, { tx, audit, auditFailure }) {
    const invitation = isWellFormedToken(token)
      ? await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } })
      : null;
    if (!invitation) {
      auditFailure({ action: "team.invitation-forged", payload: { tokenLength: token.length } });
      throw new ActionError("not_found", "This invitation link is not valid. Ask an admin for a new one.");
    }
    const now = new Date();
    // Conditional update: of two simultaneous acceptances, exactly one matches.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (count === 0) {
      const why = invitation.acceptedAt
        ? "has already been used"
        : invitation.revokedAt
          ? "was revoked"
          : "has expired";
      throw new ActionError("conflict", `This invitation ${why}. Ask an admin for a new one.`);
    }
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new ActionError("conflict", "An account with this email already exists. Sign in instead.");
    }
    const member = await tx.user.create({
      data: { email: invitation.email, name, role: invitation.role, passwordHash: await hashPassword(password) },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: member.id } });
    audit({
      action: "team.invitation-accepted",
      actor: { id: member.id, label: member.email },
      targetType: "user",
      targetId: member.id,
      payload: { invitationId: invitation.id, role: member.role },
    });
    return { email: member.email };
  },
});

export const changeRole = defineMutation({
  name: "team.change-role",
  permission: "team.change-role",
  input: changeRoleInputSchema,
  async run({ userId, role }, { tx, audit }) {
    const member = await getMemberOrThrow(tx, userId);
    if (member.role === role) return { role };
    if (member.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role } });
    audit({
      action: "team.role-changed",
      targetType: "user",
      targetId: userId,
      payload: { email: member.email, from: member.role, to: role },
    });
    return { role };
  },
});

export const setMemberDisabled = defineMutation({
  name: "team.set-disabled",
  permission: "team.set-disabled",
  input: setDisabledInputSchema,
  async run({ userId, disabled }, { tx, user, audit }) {
    if (disabled && userId === user.id) throw new ActionError("conflict", "You cannot disable your own account.");
    const member = await getMemberOrThrow(tx, userId);
    if (disabled === Boolean(member.disabledAt)) return { disabled };
    if (disabled && member.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    // A disabled member's sessions end now, and stay ended if they are enabled again.
    const sessionsEnded = disabled ? await revokeAllSessions(tx, userId) : 0;
    audit({
      action: disabled ? "team.member-disabled" : "team.member-enabled",
      targetType: "user",
      targetId: userId,
      payload: disabled ? { email: member.email, sessionsEnded } : { email: member.email },
    });
    return { disabled };
  },
});

export const changeOwnPassword = defineMutation({
  name: "account.change-password",
  permission: "account.change-password",
  input: changePasswordInputSchema,
  async run({ currentPassword, newPassword }, { tx, user, audit }) {
    const me = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(me.passwordHash, currentPassword))) {
      throw new ActionError("validation", "The current password is not correct.", {
        currentPassword: ["Not correct."],
      });
    }
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(newPassword) } });
    // Every session ends, this one included: the form signs in again with the new password.
    const sessionsEnded = await revokeAllSessions(tx, user.id);
    audit({ action: "account.password-changed", targetType: "user", targetId: user.id, payload: { sessionsEnded } });
    return { email: user.email };
  },
});
