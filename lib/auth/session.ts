import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";
import { liveSession } from "./sessions";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The server-side session this request belongs to (lib/auth/sessions.ts); absent in tests and jobs. */
  sessionId?: string;
}

/**
 * The signed-in member, read fresh from the database: null when there is no session, the session
 * record was revoked or has expired, or the member is disabled. Cached per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as { sessionId?: unknown } | null;
  const live = await liveSession(db, session?.sessionId);
  if (!live) return null;
  const { id, email, name, role } = live.user;
  return { id, email, name, role, sessionId: live.sessionId };
});

/** For pages: the member, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages a role may not use: refused on the server as if the page did not exist. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) notFound();
  return user;
}
