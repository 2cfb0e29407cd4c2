// The pveum commands that create a cluster's migration token: one role per grant of
// lib/proxmox/migration-grants.ts (so each path gets exactly its privileges), a user, a
// privilege-separated token, and the ACLs for both (with privsep the token's rights are the
// intersection of its own ACL and its user's). Pure, for the settings page.
import { MIGRATION_TOKEN_GRANTS } from "@/lib/proxmox";

export const MIGRATION_USER = "sovereign-migrate@pve";
export const MIGRATION_TOKEN = "incoming";

export function migrationPveumCommands(): string[] {
  const roles = MIGRATION_TOKEN_GRANTS.map((g) => `pveum role add ${g.role} --privs "${g.privileges.join(",")}"`);
  const acl = MIGRATION_TOKEN_GRANTS.flatMap((g) => {
    const propagate = g.propagate ? "" : " --propagate 0";
    return [
      `pveum acl modify ${g.path} --users ${MIGRATION_USER} --roles ${g.role}${propagate}`,
      `pveum acl modify ${g.path} --tokens '${MIGRATION_USER}!${MIGRATION_TOKEN}' --roles ${g.role}${propagate}`,
    ];
  });
  return [
    ...roles,
    `pveum user add ${MIGRATION_USER} --comment "Sovereign: receives remote migrations"`,
    `pveum user token add ${MIGRATION_USER} ${MIGRATION_TOKEN} --privsep 1 --comment "Sovereign migrations in"`,
    ...acl,
  ];
}
