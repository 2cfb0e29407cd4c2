// What a token must hold on the TARGET cluster to receive a remote migration, and nothing more.
// The source cluster gets this token inside `target-endpoint`, so it is handed to another
// cluster's root: it must not be the console token (which also stops, starts and reads guests).
// Derived from PVE's code paths: the source reads `GET /cluster/status` on the target (Sys.Audit
// on /) to find its node, then opens `POST /nodes/{node}/qemu/{vmid}/mtunnel` (VM.Allocate on
// /vms/{vmid} and Sys.Incoming on /), whose tunnel commands allocate the disks on the mapped
// storages (Datastore.AllocateSpace on /storage/{id}) and attach the mapped bridges (SDN.Use on
// /sdn/zones/localnetwork/{bridge}, PVE 8+).

export interface MigrationGrant {
  path: string;
  privileges: readonly string[];
  /** Whether the grant reaches paths below `path` (pveum's --propagate). */
  propagate: boolean;
  /** A role holding exactly `privileges`, for the pveum commands. */
  role: string;
  why: string;
}

export const MIGRATION_TOKEN_GRANTS: readonly MigrationGrant[] = [
  {
    path: "/",
    privileges: ["Sys.Audit", "Sys.Incoming"],
    propagate: false,
    role: "SovereignMigrationIncoming",
    why: "find the receiving node (cluster status) and open the migration tunnel",
  },
  {
    path: "/vms",
    privileges: ["VM.Allocate"],
    propagate: true,
    role: "SovereignMigrationGuest",
    why: "create the incoming guest under its new id",
  },
  {
    path: "/storage",
    privileges: ["Datastore.AllocateSpace"],
    propagate: true,
    role: "SovereignMigrationDisk",
    why: "allocate the guest's disks on the mapped storages",
  },
  {
    path: "/sdn/zones/localnetwork",
    privileges: ["SDN.Use"],
    propagate: true,
    role: "SovereignMigrationBridge",
    why: "attach the guest's network devices to the mapped bridges",
  },
];

/** `{ path: { privilege: 0|1 } }` as GET /access/permissions answers. */
export type PermissionMap = Readonly<Record<string, Readonly<Record<string, number | boolean>>>>;

export interface GrantComparison {
  /** Documented privileges the token lacks, as `Privilege on /path`. */
  missing: string[];
  /** Privileges the token holds beyond the documented ones, as `Privilege on /path`. */
  extra: string[];
}

/**
 * Compares a token's permissions (GET /access/permissions without `path`) with the grants: each
 * path the token has ACL entries on must carry exactly the documented privileges there.
 */
export function compareWithGrants(perms: PermissionMap): GrantComparison {
  const missing: string[] = [];
  const extra: string[] = [];
  for (const grant of MIGRATION_TOKEN_GRANTS) {
    const have = perms[grant.path] ?? {};
    for (const privilege of grant.privileges) {
      const flag = have[privilege];
      if (flag === undefined) missing.push(`${privilege} on ${grant.path}`);
      // Propagated from "/", Sys.Audit would reach every node, storage and guest.
      else if (!grant.propagate && Number(flag) === 1) extra.push(`${privilege} below ${grant.path}`);
    }
  }
  for (const [path, privileges] of Object.entries(perms)) {
    const grant = MIGRATION_TOKEN_GRANTS.find((g) => g.path === path);
    for (const privilege of Object.keys(privileges))
      if (!grant?.privileges.includes(privilege)) extra.push(`${privilege} on ${path}`);
  }
  return { missing, extra };
}
