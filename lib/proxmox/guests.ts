// Guest (qemu VM and LXC container) listing, status and power actions. Actions return the
// UPID of the task doing the work at once; follow it with waitForTask (tasks.ts).
import { z } from "zod";
import { apiPath, type Params, type ProxmoxClient } from "./client";
import { ProxmoxConfigError } from "./errors";
import {
  lxcListEntrySchema,
  lxcStatusSchema,
  qemuListEntrySchema,
  qemuStatusSchema,
  upidSchema,
  type LxcListEntry,
  type LxcStatus,
  type QemuListEntry,
  type QemuStatus,
} from "./guest-schemas";

export type GuestKind = "qemu" | "lxc";

export interface GuestRef {
  node: string;
  kind: GuestKind;
  vmid: number;
}

/** Refuses vmids PVE would reject, before any request is made. */
export function checkVmid(vmid: number): number {
  if (!Number.isInteger(vmid) || vmid < 100 || vmid > 999_999_999) {
    throw new ProxmoxConfigError(`${vmid} is not a valid vmid (an integer from 100 to 999999999)`);
  }
  return vmid;
}

export function listQemu(client: ProxmoxClient, node: string, opts: { full?: boolean } = {}): Promise<QemuListEntry[]> {
  return client.get(apiPath`/nodes/${node}/qemu`, z.array(qemuListEntrySchema), { full: opts.full });
}

export function listLxc(client: ProxmoxClient, node: string): Promise<LxcListEntry[]> {
  return client.get(apiPath`/nodes/${node}/lxc`, z.array(lxcListEntrySchema));
}

export function getQemuStatus(client: ProxmoxClient, node: string, vmid: number): Promise<QemuStatus> {
  return client.get(apiPath`/nodes/${node}/qemu/${checkVmid(vmid)}/status/current`, qemuStatusSchema);
}

export function getLxcStatus(client: ProxmoxClient, node: string, vmid: number): Promise<LxcStatus> {
  return client.get(apiPath`/nodes/${node}/lxc/${checkVmid(vmid)}/status/current`, lxcStatusSchema);
}

export type GuestStatus = ({ kind: "qemu" } & QemuStatus) | ({ kind: "lxc" } & LxcStatus);

export async function getGuestStatus(client: ProxmoxClient, guest: GuestRef): Promise<GuestStatus> {
  if (guest.kind === "qemu") return { kind: "qemu", ...(await getQemuStatus(client, guest.node, guest.vmid)) };
  return { kind: "lxc", ...(await getLxcStatus(client, guest.node, guest.vmid)) };
}

export type PowerAction = "start" | "stop" | "shutdown" | "reboot";

export interface PowerActionOptions {
  /** Seconds to wait (start, shutdown, reboot) before the task gives up. */
  timeout?: number;
  /** shutdown: stop the guest if it has not shut down within `timeout`. */
  forceStop?: boolean;
  /** stop: abort running shutdown tasks first. */
  overruleShutdown?: boolean;
}

function powerParams(action: PowerAction, opts: PowerActionOptions): Params {
  switch (action) {
    case "start":
    case "reboot":
      return { timeout: opts.timeout };
    case "shutdown":
      return { timeout: opts.timeout, forceStop: opts.forceStop };
    case "stop":
      return { "overrule-shutdown": opts.overruleShutdown };
  }
}

/**
 * Starts a power action; resolves to the task's UPID. Note PVE's asymmetry: rebooting a stopped
 * guest fails here (500), starting a running one fails later, inside the task.
 */
export function powerAction(
  client: ProxmoxClient,
  guest: GuestRef,
  action: PowerAction,
  opts: PowerActionOptions = {},
): Promise<string> {
  const path = apiPath`/nodes/${guest.node}/${guest.kind}/${checkVmid(guest.vmid)}/status/${action}`;
  return client.post(path, upidSchema, powerParams(action, opts));
}

export const startGuest = (client: ProxmoxClient, guest: GuestRef, opts?: PowerActionOptions): Promise<string> =>
  powerAction(client, guest, "start", opts);
export const stopGuest = (client: ProxmoxClient, guest: GuestRef, opts?: PowerActionOptions): Promise<string> =>
  powerAction(client, guest, "stop", opts);
export const shutdownGuest = (client: ProxmoxClient, guest: GuestRef, opts?: PowerActionOptions): Promise<string> =>
  powerAction(client, guest, "shutdown", opts);
export const rebootGuest = (client: ProxmoxClient, guest: GuestRef, opts?: PowerActionOptions): Promise<string> =>
  powerAction(client, guest, "reboot", opts);
