// Sign-in access: unlocking a member locked out by failed sign-ins, ending sessions (a member's
// own, or all of another member's by an admin). lib/team/access-actions.ts binds them to requests.
import { z } from "zod";
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { revokeAllSessions, revokeSession } from "@/lib/auth/sessions";
import { accountKey, clearAttempts } from "@/lib/auth/throttle";
import { getMemberOrThrow } from "./guards";
import { memberIdSchema } from "./schemas";

const memberInput = z.object({ userId: memberIdSchema });
const sessionInput = z.object({ sessionId: z.string().uuid("Unknown session.") });

export const unlockMember = defineMutation({
  name: "team.unlock",
  permission: "team.manage-access",
  input: memberInput,
  async run({ userId }, { tx, audit }) {
    const member = await getMemberOrThrow(tx, userId);
    await clearAttempts(tx, accountKey(member.email));
    audit({ action: "team.member-unlocked", targetType: "user", targetId: userId, payload: { email: member.email } });
    return { unlocked: true };
  },
});

export const endMemberSessions = defineMutation({
  name: "team.end-sessions",
  permission: "team.manage-access",
  input: memberInput,
  async run({ userId }, { tx, audit }) {
    const member = await getMemberOrThrow(tx, userId);
    const ended = await revokeAllSessions(tx, userId);
    audit({
      action: "team.sessions-ended",
      targetType: "user",
      targetId: userId,
      payload: { email: member.email, ended },
    });
    return { ended };
  },
});

export const endOwnSession = defineMutation({
  name: "account.end-session",
  permission: "account.sessions",
  input: sessionInput,
  async run({ sessionId }, { tx, user, audit }) {
    if (sessionId === user.sessionId) {
      throw new ActionError("conflict", "This is the session you are using: sign out instead.");
    }
    // Scoped to the member: another member's session id ends nothing.
    if (!(await revokeSession(tx, sessionId, user.id))) {
      throw new ActionError("not_found", "This session has already ended.");
    }
    audit({ action: "account.session-ended", targetType: "session", targetId: sessionId });
    return { ended: true };
  },
});
