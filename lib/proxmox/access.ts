// What the token may do. The registry compares this with what Sovereign needs and says what
// is missing before anyone relies on the cluster.
import { type ProxmoxClient } from "./client";
import { permissionsSchema, type Permissions } from "./schemas";

/** Effective permissions of the calling token (or of `userid`, which needs Sys.Audit on /access). */
export function getPermissions(
  client: ProxmoxClient,
  opts: { path?: string; userid?: string } = {},
): Promise<Permissions> {
  return client.get("/access/permissions", permissionsSchema, { path: opts.path, userid: opts.userid });
}

export interface RequiredPrivilege {
  path: string;
  privilege: string;
}

function ancestors(path: string): string[] {
  const parts = path.split("/").filter(Boolean);
  const out = ["/"];
  for (let i = 1; i <= parts.length; i++) out.push(`/${parts.slice(0, i).join("/")}`);
  return out;
}

/**
 * Whether `privilege` holds on `path`: granted on the path itself, or on an ancestor with
 * propagation (the flag /access/permissions reports per privilege).
 */
export function hasPrivilege(perms: Permissions, path: string, privilege: string): boolean {
  const chain = ancestors(path);
  return chain.some((p, i) => {
    const flag = perms[p]?.[privilege];
    if (flag === undefined) return false;
    return i === chain.length - 1 || flag;
  });
}

export function missingPrivileges(perms: Permissions, required: readonly RequiredPrivilege[]): RequiredPrivilege[] {
  return required.filter((r) => !hasPrivilege(perms, r.path, r.privilege));
}
