// Server-side session records. The JWT cookie names a UserSession row; a request is signed in only
// while that row is live (not revoked, not past its absolute expiry) and its member is enabled.
// Signing out, disabling a member and changing a password revoke rows, so a copied cookie stops
// working at once.
import type { Tx } from "@/lib/db";

// lastSeenAt is written at most this often per session, not on every request.
const TOUCH_EVERY_MS = 5 * 60_000;
// Ended sessions are kept this long (an admin can still see them in the database), then pruned.
const KEEP_ENDED_MS = 7 * 24 * 3600_000;

export interface NewSession {
  userId: string;
  userAgent: string | undefined;
  /** Shown in the session list; see reportedAddress in lib/auth/client-address.ts. */
  address: { address: string | null; verified: boolean };
  maxAgeHours: number;
}

export async function createSession(tx: Tx, session: NewSession, now = new Date()): Promise<string> {
  const row = await tx.userSession.create({
    data: {
      userId: session.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + session.maxAgeHours * 3600_000),
      lastSeenAt: now,
      userAgent: (session.userAgent ?? "").slice(0, 300),
      address: session.address.address,
      addressVerified: session.address.verified,
    },
    select: { id: true },
  });
  return row.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live session's member, or null. Notes the visit when the last one is a while ago. */
export async function liveSession(db: Tx, sessionId: unknown, now = new Date()) {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return null;
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return { sessionId: session.id, user: session.user };
}

/** Ends one session; with `userId`, only if it is that member's. Returns whether one was live. */
export async function revokeSession(db: Tx, sessionId: string, userId?: string): Promise<boolean> {
  if (!UUID.test(sessionId)) return false;
  const { count } = await db.userSession.updateMany({
    where: { id: sessionId, ...(userId ? { userId } : {}), revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/** Ends every live session of a member. Returns how many were live. */
export async function revokeAllSessions(db: Tx, userId: string, now = new Date()): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return count;
}

/** A member's live sessions, most recently seen first. */
export async function listLiveSessions(db: Tx, userId: string, now = new Date()) {
  return db.userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      userAgent: true,
      address: true,
      addressVerified: true,
    },
  });
}

/** How many live sessions each member has. */
export async function liveSessionCounts(db: Tx, now = new Date()): Promise<Map<string, number>> {
  const groups = await db.userSession.groupBy({
    by: ["userId"],
    where: { revokedAt: null, expiresAt: { gt: now } },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.userId, group._count._all]));
}

export async function pruneSessions(db: Tx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - KEEP_ENDED_MS);
  const { count } = await db.userSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] },
  });
  return count;
}

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/Chrom(e|ium)\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
];
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

/** "Firefox on Linux"-style label from a User-Agent string; its start when unrecognised. */
export function describeDevice(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? (userAgent.slice(0, 60) || "Unknown device");
}
