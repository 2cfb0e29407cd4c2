// The named string formats the implemented methods use. PVE registers these in Perl
// (PVE::JSONSchema::register_format), not in the schema, so their rules live here. Messages end
// in "\n" because PVE's verifiers `die` with one and check_prop keeps it.

const NODE = /^([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)$/;
const VMID = /^[1-9][0-9]{2,8}$/;
const STORAGE_ID = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i;
const BRIDGE_ID = /^[-_.\w\d]+$/;
const FINGERPRINT = /^([A-Fa-f0-9]{2}:){31}[A-Fa-f0-9]{2}$/;
const TASK_STATES = ["ok", "error", "warning", "unknown"];

/** PVE::Tools::split_list: entries separated by commas, semicolons, whitespace or NUL. */
export function splitList(value: string): string[] {
  return value.split(/[,;\s\0]+/).filter((s) => s.length > 0);
}

function idError(kind: "storage" | "bridge", id: string): string | undefined {
  if (kind === "storage") return STORAGE_ID.test(id) ? undefined : `storage ID '${id}' contains illegal characters\n`;
  return BRIDGE_ID.test(id) ? undefined : `invalid bridge ID '${id}'\n`;
}

function pairEntryError(kind: "storage" | "bridge", entry: string): string | undefined {
  if (entry === "1") return undefined;
  const pair = /^([^:]+):([^:]+)$/.exec(entry);
  const ids = pair ? [pair[1] ?? "", pair[2] ?? ""] : [entry];
  for (const id of ids) {
    const err = idError(kind, id);
    if (err) return `entry '${entry}' contains invalid ID - ${err}\n`;
  }
  return undefined;
}

export interface IdMap {
  identity: boolean;
  default?: string;
  entries: Record<string, string>;
}

/** PVE::JSONSchema::parse_idmap for storage/bridge mappings; throws with PVE's messages. */
export function parseIdMap(value: string, kind: "storage" | "bridge"): IdMap {
  const map: IdMap = { identity: false, entries: {} };
  for (const entry of splitList(value)) {
    const err = pairEntryError(kind, entry);
    if (err) throw new Error(err);
    const pair = /^([^:]+):([^:]+)$/.exec(entry);
    if (entry === "1") map.identity = true;
    else if (pair) {
      const [, src = "", dst = ""] = pair;
      if (src in map.entries) throw new Error(`duplicate mapping for source '${src}'\n`);
      map.entries[src] = dst;
    } else {
      if (map.default !== undefined) throw new Error("default target ID can only be provided once\n");
      map.default = entry;
    }
  }
  if (map.identity && (map.default !== undefined || Object.keys(map.entries).length > 0)) {
    throw new Error("identity mapping cannot be combined with other mappings\n");
  }
  return map;
}

export function mapId(map: IdMap, source: string): string {
  return map.entries[source] ?? map.default ?? source;
}

export interface RemoteEndpoint {
  host: string;
  port?: number;
  apitoken: string;
  fingerprint?: string;
}

/** `host=…,apitoken=PVEAPIToken=…[,fingerprint=…][,port=…]`; a value may itself contain `=`. */
export function parseRemoteEndpoint(value: string): { endpoint?: RemoteEndpoint; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kv: Record<string, string> = {};
  for (const part of value.split(",")) {
    if (part === "") continue;
    const m = /^([^=]+)=(.+)$/.exec(part);
    if (!m) return { errors: { "": `missing key in comma-separated list property\n` } };
    const [, key = "", val = ""] = m;
    if (!["host", "port", "apitoken", "fingerprint"].includes(key))
      return { errors: { "": `invalid key in comma-separated list property: ${key}\n` } };
    if (key in kv) return { errors: { "": `duplicate key in comma-separated list property: ${key}\n` } };
    kv[key] = val;
  }
  for (const key of ["host", "apitoken"])
    if (kv[key] === undefined) errors[key] = "property is missing and it is not optional";
  if (kv.port !== undefined && !(/^\d+$/.test(kv.port) && Number(kv.port) >= 1 && Number(kv.port) <= 65535)) {
    errors.port = /^\d+$/.test(kv.port)
      ? "value must have a maximum value of 65535"
      : `type check ('integer') failed - got '${kv.port}'`;
  }
  if (kv.fingerprint !== undefined && !FINGERPRINT.test(kv.fingerprint))
    errors.fingerprint = "value does not match the regex pattern";
  if (Object.keys(errors).length > 0 || kv.host === undefined || kv.apitoken === undefined) return { errors };
  return {
    endpoint: {
      host: kv.host,
      apitoken: kv.apitoken,
      port: kv.port === undefined ? undefined : Number(kv.port),
      fingerprint: kv.fingerprint,
    },
    errors,
  };
}

/** Error text (without the "invalid format - " prefix) or undefined when the value is fine. */
export function formatError(format: string, value: string): string | undefined {
  switch (format) {
    case "pve-node":
      return NODE.test(value) ? undefined : "value does not look like a valid node name\n";
    case "pve-vmid":
      return VMID.test(value) ? undefined : "value does not look like a valid VM ID\n";
    case "pve-storage-id":
      return idError("storage", value);
    case "storage-pair-list":
      return splitList(value)
        .map((e) => pairEntryError("storage", e))
        .find((e) => e !== undefined);
    case "bridge-pair-list":
      return splitList(value)
        .map((e) => pairEntryError("bridge", e))
        .find((e) => e !== undefined);
    case "pve-task-status-type-list":
      return splitList(value).every((s) => TASK_STATES.includes(s))
        ? undefined
        : `invalid task status type '${value}'\n`;
    case "CIDR":
      return /^[\d.]+\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/.test(value)
        ? undefined
        : "value does not look like a valid CIDR network\n";
    case "proxmox-remote": {
      const { errors } = parseRemoteEndpoint(value);
      const first = Object.entries(errors)[0];
      if (!first) return undefined;
      return first[0] === "" ? first[1] : `format error\n${first[0]}: ${first[1]}\n`;
    }
    default:
      // Formats the simulator does not model are accepted, as PVE accepts unregistered ones.
      return undefined;
  }
}
