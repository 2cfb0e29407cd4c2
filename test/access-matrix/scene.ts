// The people and clusters of the access matrix (test/access-matrix.int.test.ts): one member per
// persona, each signed in through the real sign-in, and two clusters — X, simulated (calls that
// reach a cluster reach the Proxmox simulator over HTTPS), and Y, a registry row only. Both
// operators are limited to their assigned clusters; one is assigned X, the other only Y.
import { executeAction } from "@/lib/actions/execute";
import type { SessionUser } from "@/lib/auth/session";
import { guestPower } from "@/lib/guest-actions/mutations";
import { db } from "@/lib/db";
import { createCluster, createMember } from "@/test/factories";
import { registerSimulatedCluster, type RegisteredSimulator } from "@/test/guest-actions";
import { signIn, type SessionCookie } from "@/test/request-scope";

export const PERSONAS = ["admin", "operatorAssigned", "operatorUnassigned", "viewer", "signedOut", "disabled"] as const;
export type Persona = (typeof PERSONAS)[number];
export type Member = Exclude<Persona, "signedOut">;

export interface Scene {
  users: Record<Member, SessionUser>;
  cookies: Record<Member, SessionCookie>;
  x: { id: string; name: string };
  y: { id: string; name: string };
  sim: RegisteredSimulator;
  /** A task started on X (a reboot of guest 100), for the task-progress route. */
  upid: string;
  /** Who owns what a call's input needs: the persona, or the admin for those who could not own it. */
  actor(as: Persona): SessionUser;
}

export async function createScene(): Promise<Scene> {
  const sim = await registerSimulatedCluster();
  const x = { id: sim.clusterId, name: (await db.cluster.findUniqueOrThrow({ where: { id: sim.clusterId } })).name };
  const y = await createCluster();
  const users: Record<Member, SessionUser> = {
    admin: await createMember("admin"),
    operatorAssigned: await createMember("operator"),
    operatorUnassigned: await createMember("operator"),
    viewer: await createMember("viewer"),
    // The strongest role, disabled: a disabled member is refused whatever their role.
    disabled: await createMember("admin"),
  };
  await db.user.updateMany({
    where: { id: { in: [users.operatorAssigned.id, users.operatorUnassigned.id] } },
    data: { clusterScope: "assigned" },
  });
  await db.clusterAssignment.createMany({
    data: [
      { userId: users.operatorAssigned.id, clusterId: x.id },
      { userId: users.operatorUnassigned.id, clusterId: y.id },
    ],
  });
  const reboot = await executeAction(guestPower, { clusterId: x.id, vmid: 100, action: "reboot" }, users.admin);
  if (!reboot.ok) throw new Error(`reboot failed: ${reboot.message}`);
  const upid = reboot.data.upid;
  const cookies = {} as Record<Member, SessionCookie>;
  for (const [persona, user] of Object.entries(users)) cookies[persona as Member] = await signIn(user.email);
  // Signed in while enabled, then disabled: the session it holds must stop working at once.
  await db.user.update({ where: { id: users.disabled.id }, data: { disabledAt: new Date() } });
  return {
    users,
    cookies,
    x,
    y,
    sim,
    actor: (as) => (as === "signedOut" || as === "viewer" ? users.admin : users[as]),
    upid,
  };
}
