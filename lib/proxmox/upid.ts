// PVE task ids: `UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>:` with pid and
// starttime as 8 hex digits and pstart as 8–9 (it outgrows 8 on long-running hosts). The
// pattern mirrors PVE::UPID's decoder so we accept exactly what PVE accepts.
import { ProxmoxInvalidUpidError } from "./errors";

const UPID_PATTERN =
  /^UPID:([a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/;

export interface Upid {
  node: string;
  pid: number;
  pstart: number;
  /** Unix seconds. */
  starttime: number;
  /** Worker type, e.g. `qmstart`, `qmigrate`, `vzstop`. */
  type: string;
  /** Usually the vmid; may be empty. */
  id: string;
  /** As written in the UPID: `user@realm` or `user@realm!token` for token-started tasks. */
  user: string;
}

export function isUpid(value: string): boolean {
  return UPID_PATTERN.test(value);
}

export function parseUpid(value: string): Upid {
  const m = UPID_PATTERN.exec(value);
  if (!m) throw new ProxmoxInvalidUpidError("Not a valid Proxmox task id (UPID)");
  const [, node, pid, pstart, starttime, type, id, user] = m;
  if (
    node === undefined ||
    pid === undefined ||
    pstart === undefined ||
    starttime === undefined ||
    type === undefined ||
    id === undefined ||
    user === undefined
  ) {
    throw new ProxmoxInvalidUpidError("Not a valid Proxmox task id (UPID)");
  }
  return {
    node,
    pid: parseInt(pid, 16),
    pstart: parseInt(pstart, 16),
    starttime: parseInt(starttime, 16),
    type,
    id,
    user,
  };
}

function hex8(value: number, field: string, maxDigits = 8): string {
  const out = value.toString(16).toUpperCase().padStart(8, "0");
  if (!Number.isInteger(value) || value < 0 || out.length > maxDigits) {
    throw new ProxmoxInvalidUpidError(`UPID field ${field} is out of range`);
  }
  return out;
}

/** Formats like PVE (`%08X`, uppercase); the result always parses back to the same fields. */
export function formatUpid(upid: Upid): string {
  const text = `UPID:${upid.node}:${hex8(upid.pid, "pid")}:${hex8(upid.pstart, "pstart", 9)}:${hex8(upid.starttime, "starttime")}:${upid.type}:${upid.id}:${upid.user}:`;
  if (!UPID_PATTERN.test(text)) throw new ProxmoxInvalidUpidError("UPID fields contain characters PVE does not allow");
  return text;
}

/** Splits `user@realm!token` into the owning user and the token name, as the task API does. */
export function splitTaskUser(user: string): { userid: string; tokenid: string | undefined } {
  const bang = user.indexOf("!");
  return bang === -1
    ? { userid: user, tokenid: undefined }
    : { userid: user.slice(0, bang), tokenid: user.slice(bang + 1) };
}
