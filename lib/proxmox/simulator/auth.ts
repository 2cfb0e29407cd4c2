// API token authentication and ACL evaluation, following PVE::AccessControl/RPCEnvironment:
// the deepest ACL path that names the principal wins, non-propagating entries apply to their
// own path only, and with privilege separation a token gets user ∩ token privileges.
import type { AclEntrySpec, TokenSpec } from "./spec";
import type { PermCheck } from "./schema";

export const ALL_PRIVILEGES: readonly string[] = [
  "Datastore.Allocate",
  "Datastore.AllocateSpace",
  "Datastore.AllocateTemplate",
  "Datastore.Audit",
  "Group.Allocate",
  "Mapping.Audit",
  "Mapping.Modify",
  "Mapping.Use",
  "Permissions.Modify",
  "Pool.Allocate",
  "Pool.Audit",
  "Realm.Allocate",
  "Realm.AllocateUser",
  "SDN.Allocate",
  "SDN.Audit",
  "SDN.Use",
  "Sys.AccessNetwork",
  "Sys.Audit",
  "Sys.Console",
  "Sys.Incoming",
  "Sys.Modify",
  "Sys.PowerMgmt",
  "Sys.Syslog",
  "User.Modify",
  "VM.Allocate",
  "VM.Audit",
  "VM.Backup",
  "VM.Clone",
  "VM.Config.CDROM",
  "VM.Config.CPU",
  "VM.Config.Cloudinit",
  "VM.Config.Disk",
  "VM.Config.HWType",
  "VM.Config.Memory",
  "VM.Config.Network",
  "VM.Config.Options",
  "VM.Console",
  "VM.GuestAgent.Audit",
  "VM.GuestAgent.FileRead",
  "VM.GuestAgent.FileSystemMgmt",
  "VM.GuestAgent.FileWrite",
  "VM.GuestAgent.Unrestricted",
  "VM.Migrate",
  "VM.PowerMgmt",
  "VM.Replicate",
  "VM.Snapshot",
  "VM.Snapshot.Rollback",
];

/**
 * The essay's `Sovereign` role, minus VM.Monitor (dropped in PVE 9), plus the two system
 * privileges the console cannot work without: Sys.Audit (cluster, node, disk and HA state) and
 * Sys.Incoming (being the target of a remote migration).
 */
export const SOVEREIGN_ROLE_PRIVILEGES: readonly string[] = [
  "VM.Allocate",
  "VM.Clone",
  "VM.Config.CDROM",
  "VM.Config.CPU",
  "VM.Config.Cloudinit",
  "VM.Config.Disk",
  "VM.Config.HWType",
  "VM.Config.Memory",
  "VM.Config.Network",
  "VM.Config.Options",
  "VM.Audit",
  "VM.Backup",
  "VM.Console",
  "VM.Migrate",
  "VM.PowerMgmt",
  "VM.Snapshot",
  "VM.Snapshot.Rollback",
  "Datastore.AllocateSpace",
  "Datastore.AllocateTemplate",
  "Datastore.Audit",
  "Sys.Audit",
  "Sys.Incoming",
];

const BUILTIN_ROLES: Record<string, readonly string[]> = {
  Administrator: ALL_PRIVILEGES,
  NoAccess: [],
  PVEAuditor: [
    "Datastore.Audit",
    "Mapping.Audit",
    "Pool.Audit",
    "SDN.Audit",
    "Sys.Audit",
    "VM.Audit",
    "VM.GuestAgent.Audit",
  ],
  PVEVMUser: [
    "VM.Audit",
    "VM.Backup",
    "VM.Config.CDROM",
    "VM.Config.Cloudinit",
    "VM.Console",
    "VM.PowerMgmt",
    "Datastore.AllocateSpace",
    "Pool.Audit",
  ],
  Sovereign: SOVEREIGN_ROLE_PRIVILEGES,
  PVEVMAdmin: ALL_PRIVILEGES.filter((p) => p.startsWith("VM.")).concat([
    "Datastore.AllocateSpace",
    "Pool.Audit",
    "Sys.Audit",
  ]),
};

/** Privilege → propagate flag, for one path. */
export type PrivSet = Map<string, boolean>;

export interface Principal {
  tokenId: string;
  user: string;
  token: TokenSpec;
  /** Effective privileges at a path. */
  privileges(path: string): PrivSet;
  /** Every path the principal has ACL entries on (for /access/permissions). */
  aclPaths(): string[];
}

const TOKEN_RE = /^([^\s:/]+@[A-Za-z][A-Za-z0-9.\-_]+)!([A-Za-z][A-Za-z0-9.\-_]+)$/;

/** Parses `PVEAPIToken=user@realm!id=secret` (or a space after PVEAPIToken), as pveproxy does. */
export function parseTokenHeader(header: string | undefined): { tokenId: string; secret: string } | undefined {
  if (!header) return undefined;
  const m = /(?:^|\s)PVEAPIToken(?:=| )([^;]*)/.exec(header);
  if (!m) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(m[1] ?? "");
  } catch {
    return undefined; // malformed escapes cannot name a valid token
  }
  const split = /^(.*)=(.*)$/.exec(value);
  if (!split) return undefined;
  const tokenId = split[1] ?? "";
  if (!TOKEN_RE.test(tokenId)) return undefined;
  return { tokenId, secret: split[2] ?? "" };
}

function rolePrivileges(entry: AclEntrySpec, roles: Record<string, string[]>): string[] {
  const fromRole = entry.role ? (roles[entry.role] ?? BUILTIN_ROLES[entry.role] ?? []) : [];
  return [...fromRole, ...(entry.privileges ?? [])];
}

function normalise(path: string): string {
  const p = `/${path.split("/").filter(Boolean).join("/")}`;
  return p;
}

/**
 * ACL evaluator for one principal. Memoised per path because /cluster/resources asks about
 * thousands of /vms/<id> paths per request, and all of them inherit from the same "/vms".
 */
function aclEvaluator(acl: AclEntrySpec[], roles: Record<string, string[]>): (path: string) => PrivSet {
  const byPath = new Map<string, AclEntrySpec[]>();
  for (const e of acl) {
    const p = normalise(e.path);
    byPath.set(p, [...(byPath.get(p) ?? []), e]);
  }
  const toSet = (entries: AclEntrySpec[]): PrivSet => {
    const set: PrivSet = new Map();
    for (const e of entries)
      for (const p of rolePrivileges(e, roles)) set.set(p, set.get(p) === true || e.propagate !== false);
    return set;
  };
  const parent = (p: string): string => (p === "/" ? "/" : normalise(p.split("/").slice(0, -1).join("/")));
  // What `p` hands down to its descendants: its propagating entries, else what it inherited.
  const inheritedMemo = new Map<string, PrivSet>();
  const handedDown = (p: string): PrivSet => {
    const hit = inheritedMemo.get(p);
    if (hit) return hit;
    const own = (byPath.get(p) ?? []).filter((e) => e.propagate !== false);
    const set = own.length > 0 ? toSet(own) : p === "/" ? new Map<string, boolean>() : handedDown(parent(p));
    inheritedMemo.set(p, set);
    return set;
  };
  return (path) => {
    const target = normalise(path);
    const own = byPath.get(target);
    if (own && own.length > 0) return toSet(own);
    return target === "/" ? new Map() : handedDown(parent(target));
  };
}

export function authenticate(
  tokens: TokenSpec[],
  roles: Record<string, string[]>,
  header: string | undefined,
  nowSec: number,
): Principal | undefined {
  const parsed = parseTokenHeader(header);
  if (!parsed) return undefined;
  const token = tokens.find((t) => t.tokenId === parsed.tokenId);
  if (!token || token.secret !== parsed.secret) return undefined;
  if (token.userEnabled === false) return undefined;
  if (token.expire && token.expire > 0 && token.expire < nowSec) return undefined;
  const user = parsed.tokenId.split("!")[0] ?? "";
  const isRoot = user === "root@pam";
  const userAcl = token.userAcl ?? token.acl ?? [];
  const tokenAcl = token.acl ?? [];
  const privsep = token.privsep !== false;
  const all: PrivSet = new Map(ALL_PRIVILEGES.map((p) => [p, true]));
  const userEval = aclEvaluator(userAcl, roles);
  const tokenEval = aclEvaluator(tokenAcl, roles);
  const userPrivs = (path: string): PrivSet => (isRoot ? all : userEval(path));
  const memo = new Map<string, PrivSet>();
  return {
    tokenId: parsed.tokenId,
    user,
    token,
    privileges: (path) => {
      const hit = memo.get(path);
      if (hit) return hit;
      const up = userPrivs(path);
      let out = up;
      if (privsep) {
        out = new Map();
        for (const [p, prop] of tokenEval(path)) if (up.has(p)) out.set(p, prop && up.get(p) === true);
      }
      memo.set(path, out);
      return out;
    },
    aclPaths: () => [...new Set(["/", ...(privsep ? tokenAcl : isRoot ? [] : userAcl).map((e) => normalise(e.path))])],
  };
}

export function hasPriv(who: Principal, path: string, priv: string): boolean {
  return who.privileges(path).has(priv);
}

export class PermissionDenied extends Error {}

function substitute(path: string, params: Record<string, unknown>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

/**
 * Evaluates a schema `permissions.check` expression. Throws PermissionDenied with PVE's text:
 * "Permission check failed (<path>, <priv>)" for a plain check, without details for `or`/`and`.
 */
export function checkPermission(who: Principal, check: PermCheck | undefined, params: Record<string, unknown>): void {
  if (!check) return;
  if (!evalCheck(who, check, params, true)) throw new PermissionDenied("Permission check failed");
}

function evalCheck(who: Principal, check: PermCheck, params: Record<string, unknown>, raise: boolean): boolean {
  const [op, ...rest] = check;
  if (op === "perm") {
    const [rawPath, privs, mode] = rest;
    const path = substitute(String(rawPath), params);
    const list = Array.isArray(privs) ? privs.map(String) : [];
    const have = who.privileges(path);
    const ok = mode === "any" ? list.some((p) => have.has(p)) : list.every((p) => have.has(p));
    if (!ok && raise) {
      const missing = mode === "any" ? list.join("|") : (list.find((p) => !have.has(p)) ?? "");
      throw new PermissionDenied(`Permission check failed (${path}, ${missing})`);
    }
    return ok;
  }
  if (op === "or") return rest.some((c) => Array.isArray(c) && evalCheck(who, c as PermCheck, params, false));
  if (op === "and") return rest.every((c) => Array.isArray(c) && evalCheck(who, c as PermCheck, params, false));
  // Checks the simulator does not model (userid-group, …) are refused rather than allowed.
  return false;
}
