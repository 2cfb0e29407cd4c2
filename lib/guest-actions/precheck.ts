// The migration precheck in one shape for VMs and containers: PVE answers the two with different
// field names (allowed_nodes vs allowed-nodes) and only VMs report local disks and resources.
import type { LxcMigratePrecheck, QemuMigratePrecheck } from "@/lib/proxmox";

export interface PrecheckNode {
  node: string;
  allowed: boolean;
  /** Why the node cannot take the guest, in PVE's terms. Empty when allowed. */
  reasons: string[];
}

export interface MigratePrecheck {
  running: boolean;
  nodes: PrecheckNode[];
  /** Blockers or costs that apply whatever the target (local disks are copied, devices block). */
  notes: string[];
}

type BlockingHa = { sid: string; cause?: string | undefined };

function haReasons(blocking: readonly BlockingHa[] | undefined): string[] {
  return (blocking ?? []).map(
    (b) => `HA resource ${b.sid} ${b.cause === "resource-affinity" ? "must stay with it" : "blocks it"}`,
  );
}

export type RawPrecheck = { kind: "qemu"; raw: QemuMigratePrecheck } | { kind: "lxc"; raw: LxcMigratePrecheck };

/** Every node but the current one, allowed or not, sorted by name. */
export function summarizePrecheck(
  input: RawPrecheck,
  currentNode: string,
  clusterNodes: readonly string[],
): MigratePrecheck {
  const allowed = new Set<string>();
  const reasons = new Map<string, string[]>();
  const notes: string[] = [];
  if (input.kind === "qemu") {
    const { raw } = input;
    for (const node of raw.allowed_nodes ?? []) allowed.add(node);
    for (const [node, why] of Object.entries(raw.not_allowed_nodes ?? {})) {
      const list = [
        ...(why.unavailable_storages ?? []).map((s) => `storage ${s} is not available there`),
        ...haReasons(why["blocking-ha-resources"]),
      ];
      reasons.set(node, list.length > 0 ? list : ["not allowed by Proxmox"]);
    }
    const disks = raw.local_disks.filter((d) => !d.cdrom && !d.is_unused);
    if (disks.length > 0)
      notes.push(`${disks.length === 1 ? "1 local disk is" : `${disks.length} local disks are`} copied to the target`);
    for (const resource of raw.local_resources) notes.push(`local resource ${resource} blocks migration`);
  } else {
    const { raw } = input;
    for (const node of raw["allowed-nodes"] ?? []) allowed.add(node);
    for (const [node, why] of Object.entries(raw["not-allowed-nodes"] ?? {})) {
      const list = haReasons(why["blocking-ha-resources"]);
      reasons.set(node, list.length > 0 ? list : ["not allowed by Proxmox"]);
    }
  }
  const names = new Set([...clusterNodes, ...allowed, ...reasons.keys()]);
  names.delete(currentNode);
  const nodes = [...names].sort().map((node) => {
    // A node the precheck neither allows nor explains is offline or unknown to it.
    const isAllowed = allowed.has(node) && !reasons.has(node);
    return {
      node,
      allowed: isAllowed,
      reasons: isAllowed ? [] : (reasons.get(node) ?? ["not offered by Proxmox (offline?)"]),
    };
  });
  return { running: input.raw.running, nodes, notes };
}
