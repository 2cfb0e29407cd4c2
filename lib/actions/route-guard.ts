// The session, role and cluster checks of a route handler, as serverAction does them for actions:
// signed out → 401; the role or the member's clusters do not allow it → 403, recorded in the
// audit trail as an action's refusal is (lib/actions/refusal.ts).
import { NextResponse } from "next/server";
import { clusterScopeOf, mayTouch, outOfScope, type ClusterScope, type ClusterTouch } from "@/lib/auth/cluster-scope";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordRefusal } from "./refusal";
import { CLUSTER_REFUSAL } from "./execute";

export type RouteGuard = { ok: true; user: SessionUser; scope: ClusterScope } | { ok: false; response: NextResponse };

const refused = (status: 401 | 403, message: string): RouteGuard => ({
  ok: false,
  response: NextResponse.json({ message }, { status, headers: { "Cache-Control": "no-store" } }),
});

/** `name` names the attempt in the audit trail, like an action's name. */
export async function guardRoute(name: string, permission: Permission): Promise<RouteGuard> {
  const user = await getSessionUser();
  if (!user) return refused(401, "Sign in again.");
  if (!can(user.role, permission)) {
    await recordRefusal(user, name);
    return refused(403, "Your role does not allow this.");
  }
  return { ok: true, user, scope: await clusterScopeOf(db, user) };
}

/** After guardRoute: refuses (and records) when the request touches clusters outside the member's scope. */
export async function guardClusters(
  guard: Extract<RouteGuard, { ok: true }>,
  name: string,
  touch: ClusterTouch,
): Promise<RouteGuard> {
  if (mayTouch(guard.scope, touch)) return guard;
  await recordRefusal(guard.user, name, { clusters: touch === "federation" ? touch : outOfScope(guard.scope, touch) });
  return refused(403, CLUSTER_REFUSAL);
}
