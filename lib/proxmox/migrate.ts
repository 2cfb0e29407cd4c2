// Migrations: inside a cluster (`migrate`, with its precheck) and to another cluster
// (`remote_migrate`, which needs the target's API token and certificate fingerprint).
import { apiPath, checkToken, type ProxmoxClient, type ProxmoxToken } from "./client";
import {
  lxcMigratePrecheckSchema,
  qemuMigratePrecheckSchema,
  upidSchema,
  type LxcMigratePrecheck,
  type QemuMigratePrecheck,
} from "./guest-schemas";
import { checkVmid, type GuestRef } from "./guests";
import { normalizeFingerprint, parseTarget } from "./tls";

/** Which nodes the VM may move to and what (local disks, devices, HA affinity) blocks it. */
export function getQemuMigratePrecheck(
  client: ProxmoxClient,
  node: string,
  vmid: number,
  target?: string,
): Promise<QemuMigratePrecheck> {
  return client.get(apiPath`/nodes/${node}/qemu/${checkVmid(vmid)}/migrate`, qemuMigratePrecheckSchema, { target });
}

export function getLxcMigratePrecheck(
  client: ProxmoxClient,
  node: string,
  vmid: number,
  target?: string,
): Promise<LxcMigratePrecheck> {
  return client.get(apiPath`/nodes/${node}/lxc/${checkVmid(vmid)}/migrate`, lxcMigratePrecheckSchema, { target });
}

/** `{ "local-lvm": "tank" }` → `local-lvm:tank`; a plain string is passed through. */
export type PairMapping = string | Readonly<Record<string, string>>;

export function formatPairList(mapping: PairMapping): string {
  if (typeof mapping === "string") return mapping;
  return Object.entries(mapping)
    .map(([from, to]) => `${from}:${to}`)
    .join(",");
}

export interface MigrateOptions {
  target: string;
  /** Live migration of a running guest (qemu), or container live migration (lxc). */
  online?: boolean;
  /** qemu only: also move local disks. */
  withLocalDisks?: boolean;
  targetStorage?: PairMapping;
  /** KiB/s */
  bwlimit?: number;
  /** lxc only: restart migration, with this shutdown timeout in seconds. */
  restart?: boolean;
  timeout?: number;
}

/** Intra-cluster migration; resolves to the UPID of the migration task. */
export function migrateGuest(client: ProxmoxClient, guest: GuestRef, opts: MigrateOptions): Promise<string> {
  const path = apiPath`/nodes/${guest.node}/${guest.kind}/${checkVmid(guest.vmid)}/migrate`;
  const storage = opts.targetStorage === undefined ? undefined : formatPairList(opts.targetStorage);
  const params =
    guest.kind === "qemu"
      ? {
          target: opts.target,
          online: opts.online,
          "with-local-disks": opts.withLocalDisks,
          targetstorage: storage,
          bwlimit: opts.bwlimit,
        }
      : {
          target: opts.target,
          online: opts.online,
          restart: opts.restart,
          timeout: opts.timeout,
          "target-storage": storage,
          bwlimit: opts.bwlimit,
        };
  return client.post(path, upidSchema, params);
}

export interface RemoteTarget {
  /** The target cluster's API URL, e.g. https://pve.example:8006 */
  url: string;
  /** A token on the target with VM.Allocate and Sys.Incoming. */
  token: ProxmoxToken;
  /** Needed unless the target's certificate is valid under the source node's system CAs. */
  fingerprint?: string;
}

/**
 * The `proxmox-remote` property string PVE expects in `target-endpoint`:
 * `host=…,apitoken=PVEAPIToken=user@realm!id=secret[,fingerprint=…][,port=…]`. It contains the
 * target's secret: pass it only to remoteMigrateGuest, which keeps it out of errors and logs.
 */
export function buildTargetEndpoint(target: RemoteTarget): string {
  const { host, port } = parseTarget(target.url);
  const token = checkToken(target.token);
  const parts = [`host=${host}`, `apitoken=PVEAPIToken=${token.id}=${token.secret}`];
  if (target.fingerprint !== undefined) parts.push(`fingerprint=${normalizeFingerprint(target.fingerprint)}`);
  if (port !== 8006) parts.push(`port=${port}`);
  return parts.join(",");
}

export interface RemoteMigrateOptions {
  target: RemoteTarget;
  /** Explicit storage mapping: PVE refuses the identity mapping for remote migration. */
  targetStorage: PairMapping;
  /** Bridge mapping; "1" maps every bridge to the same name. */
  targetBridge: PairMapping;
  targetVmid?: number;
  online?: boolean;
  /** Remove the source guest afterwards (default: keep it, stopped and locked). */
  delete?: boolean;
  bwlimit?: number;
  /** lxc only */
  restart?: boolean;
  timeout?: number;
}

/** Cross-cluster migration (PVE marks it experimental); resolves to the source task's UPID. */
export function remoteMigrateGuest(
  client: ProxmoxClient,
  guest: GuestRef,
  opts: RemoteMigrateOptions,
): Promise<string> {
  const path = apiPath`/nodes/${guest.node}/${guest.kind}/${checkVmid(guest.vmid)}/remote_migrate`;
  const lxcOnly = guest.kind === "lxc" ? { restart: opts.restart, timeout: opts.timeout } : {};
  const params = {
    "target-endpoint": buildTargetEndpoint(opts.target),
    "target-storage": formatPairList(opts.targetStorage),
    "target-bridge": formatPairList(opts.targetBridge),
    "target-vmid": opts.targetVmid === undefined ? undefined : checkVmid(opts.targetVmid),
    online: opts.online,
    delete: opts.delete,
    bwlimit: opts.bwlimit,
    ...lxcOnly,
  };
  return client.post(path, upidSchema, params, { sensitive: [opts.target.token.secret] });
}
