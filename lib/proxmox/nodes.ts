// Per-node calls. Most are proxied by the answering node to {node}, so they fail with
// ProxmoxNodeUnreachableError (595) when that node is down; rrddata is not proxied.
import { z } from "zod";
import { apiPath, type ProxmoxClient } from "./client";
import type { GuestKind } from "./guests";
import {
  certificateInfoSchema,
  diskSchema,
  networkInterfaceSchema,
  nodeIndexEntrySchema,
  nodeStatusSchema,
  rrdRowSchema,
  type CertificateInfo,
  type Disk,
  type NetworkInterface,
  type NodeIndexEntry,
  type NodeStatus,
  type RrdRow,
} from "./schemas";

export function listNodes(client: ProxmoxClient): Promise<NodeIndexEntry[]> {
  return client.get("/nodes", z.array(nodeIndexEntrySchema));
}

export function getNodeStatus(client: ProxmoxClient, node: string): Promise<NodeStatus> {
  return client.get(apiPath`/nodes/${node}/status`, nodeStatusSchema);
}

export interface ListDisksOptions {
  includePartitions?: boolean;
  /** Skip SMART reads: faster, but `health` and `wearout` are then unknown. */
  skipSmart?: boolean;
  type?: "unused" | "journal_disks";
}

export function listDisks(client: ProxmoxClient, node: string, opts: ListDisksOptions = {}): Promise<Disk[]> {
  return client.get(apiPath`/nodes/${node}/disks/list`, z.array(diskSchema), {
    "include-partitions": opts.includePartitions,
    skipsmart: opts.skipSmart,
    type: opts.type,
  });
}

export type RrdTimeframe = "hour" | "day" | "week" | "month" | "year" | "decade";
export type RrdConsolidation = "AVERAGE" | "MAX";

export function getNodeRrdData(
  client: ProxmoxClient,
  node: string,
  timeframe: RrdTimeframe,
  cf?: RrdConsolidation,
): Promise<RrdRow[]> {
  return client.get(apiPath`/nodes/${node}/rrddata`, z.array(rrdRowSchema), { timeframe, cf });
}

/** Guests have no `decade` timeframe in 9.1. */
export function getGuestRrdData(
  client: ProxmoxClient,
  node: string,
  kind: GuestKind,
  vmid: number,
  timeframe: Exclude<RrdTimeframe, "decade">,
  cf?: RrdConsolidation,
): Promise<RrdRow[]> {
  return client.get(apiPath`/nodes/${node}/${kind}/${vmid}/rrddata`, z.array(rrdRowSchema), { timeframe, cf });
}

/** The node's certificates (pve-root-ca.pem, pve-ssl.pem, pveproxy-ssl.pem) with fingerprints. */
export function getCertificatesInfo(client: ProxmoxClient, node: string): Promise<CertificateInfo[]> {
  return client.get(apiPath`/nodes/${node}/certificates/info`, z.array(certificateInfoSchema));
}

/** PVE 9.1's interface filter; `any_bridge` is Linux and OVS bridges, plus SDN vnets. */
export type NetworkTypeFilter =
  "bridge" | "bond" | "eth" | "alias" | "vlan" | "OVSBridge" | "vnet" | "any_bridge" | "any_local_bridge";

/** The node's network interfaces (remote migration maps a guest's NICs onto these bridges). */
export function listNetworks(
  client: ProxmoxClient,
  node: string,
  type?: NetworkTypeFilter,
): Promise<NetworkInterface[]> {
  return client.get(apiPath`/nodes/${node}/network`, z.array(networkInterfaceSchema), { type });
}
