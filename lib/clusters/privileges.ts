// What Sovereign needs from a cluster's token, what it has, and the pveum commands that create a
// least-privilege "Sovereign" role, user and token. Pure: the registry's inspection feeds it the
// token's /access/permissions.
import { hasPrivilege, type Permissions } from "@/lib/proxmox";

export type PrivilegeGroup = "read" | "act" | "receive";

export interface RequiredPrivilege {
  group: PrivilegeGroup;
  path: string;
  privilege: string;
  why: string;
}

export const PRIVILEGE_GROUP_LABELS: Record<PrivilegeGroup, string> = {
  read: "Read the cluster (sync)",
  act: "Act on guests",
  receive: "Receive guests migrated from another cluster",
};

export const REQUIRED_PRIVILEGES: readonly RequiredPrivilege[] = [
  { group: "read", path: "/", privilege: "Sys.Audit", why: "cluster status, nodes, disks, HA state and tasks" },
  { group: "read", path: "/vms", privilege: "VM.Audit", why: "guests and their usage" },
  { group: "read", path: "/storage", privilege: "Datastore.Audit", why: "storage usage" },
  { group: "act", path: "/vms", privilege: "VM.PowerMgmt", why: "start, shut down, stop and reboot guests" },
  { group: "act", path: "/vms", privilege: "VM.Migrate", why: "migrate guests" },
  { group: "receive", path: "/vms", privilege: "VM.Allocate", why: "create the incoming guest" },
  { group: "receive", path: "/", privilege: "Sys.Incoming", why: "accept a remote migration tunnel" },
];

export interface PrivilegeCheck extends RequiredPrivilege {
  granted: boolean;
}

export interface PrivilegeReport {
  checks: PrivilegeCheck[];
  missing: PrivilegeCheck[];
  /** Per group: every privilege of it is granted. */
  can: Record<PrivilegeGroup, boolean>;
}

export function checkPrivileges(perms: Permissions): PrivilegeReport {
  const checks = REQUIRED_PRIVILEGES.map((r) => ({ ...r, granted: hasPrivilege(perms, r.path, r.privilege) }));
  const groupOk = (group: PrivilegeGroup) => checks.filter((c) => c.group === group).every((c) => c.granted);
  return {
    checks,
    missing: checks.filter((c) => !c.granted),
    can: { read: groupOk("read"), act: groupOk("act"), receive: groupOk("receive") },
  };
}

/** One sentence per group, saying plainly what will not work. */
export function describeMissing(report: PrivilegeReport): string[] {
  const lines: string[] = [];
  for (const group of ["read", "act", "receive"] as const) {
    const missing = report.missing.filter((c) => c.group === group);
    if (missing.length === 0) continue;
    const list = missing.map((c) => `${c.privilege} on ${c.path}`).join(", ");
    const consequence =
      group === "read"
        ? "Sovereign cannot sync this cluster fully"
        : group === "act"
          ? "guest actions (start, stop, migrate) will be refused"
          : "this cluster cannot be the target of a cross-cluster migration";
    lines.push(`Missing ${list}: ${consequence}.`);
  }
  return lines;
}

export const SOVEREIGN_ROLE = "Sovereign";

/** `user@realm!token` → its parts; defaults for a token not chosen yet. */
function tokenParts(tokenId: string | undefined): { user: string; token: string } {
  const m = tokenId ? /^([^!\s]+@[^!\s]+)!([^!\s]+)$/.exec(tokenId) : null;
  // A privilege-separated token of root@pam would carry root's reach on its user side.
  if (m?.[1] && m[2] && m[1] !== "root@pam") return { user: m[1], token: m[2] };
  return { user: "sovereign@pve", token: "console" };
}

/**
 * The shell commands, run on any node of the cluster as root, that create the role, a user and
 * a privilege-separated token, and grant the role to both (with privsep the token's rights are
 * the intersection of its own ACL and its user's).
 */
export function pveumCommands(tokenId?: string): string[] {
  const { user, token } = tokenParts(tokenId);
  const privs = REQUIRED_PRIVILEGES.map((r) => r.privilege)
    .filter((p, i, all) => all.indexOf(p) === i)
    .join(",");
  return [
    `pveum role add ${SOVEREIGN_ROLE} --privs "${privs}"`,
    `pveum user add ${user} --comment "Sovereign console"`,
    `pveum acl modify / --users ${user} --roles ${SOVEREIGN_ROLE}`,
    `pveum user token add ${user} ${token} --privsep 1 --comment "Sovereign console"`,
    `pveum acl modify / --tokens '${user}!${token}' --roles ${SOVEREIGN_ROLE}`,
  ];
}
