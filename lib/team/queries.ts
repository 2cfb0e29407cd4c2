import "server-only";
import { db } from "@/lib/db";
import { describeDevice, listLiveSessions, liveSessionCounts } from "@/lib/auth/sessions";
import { lockedAccounts } from "@/lib/auth/throttle";
import { hashInvitationToken, invitationStatus, isWellFormedToken, type InvitationStatus } from "./invitation-token";

export async function listMembers() {
  return db.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      lastSignInAt: true,
      createdAt: true,
      // Which clusters an operator may act on (lib/auth/cluster-scope.ts).
      clusterScope: true,
      _count: { select: { clusterStakes: true } },
    },
  });
}

export async function listInvitations(now = new Date()) {
  const invitations = await db.invitation.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      invitedBy: { select: { name: true } },
    },
  });
  return invitations.map((invitation) => ({ ...invitation, status: invitationStatus(invitation, now) }));
}

/** What the invitation page shows before the form: never the invitation's id or hash. */
export async function lookUpInvitation(
  token: string,
): Promise<{ status: InvitationStatus | "invalid"; email?: string; role?: string }> {
  if (!isWellFormedToken(token)) return { status: "invalid" };
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
  if (!invitation) return { status: "invalid" };
  return { status: invitationStatus(invitation, new Date()), email: invitation.email, role: invitation.role };
}

/** Per member: locked out by failed sign-ins (until when) and how many live sessions they have. */
export async function memberAccess(now = new Date()) {
  const [locked, sessions] = await Promise.all([lockedAccounts(db, now), liveSessionCounts(db, now)]);
  return {
    lockedUntil: (email: string) => locked.get(email) ?? null,
    liveSessions: (userId: string) => sessions.get(userId) ?? 0,
  };
}

/** One's own live sessions, each with a device label, most recently seen first. */
export async function listOwnSessions(userId: string, currentSessionId: string | undefined) {
  const sessions = await listLiveSessions(db, userId);
  return sessions.map((session) => ({
    id: session.id,
    device: describeDevice(session.userAgent),
    address: session.address,
    addressVerified: session.addressVerified,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    current: session.id === currentSessionId,
  }));
}
