// Where a moved guest lands on the target cluster. A remote migration arrives on the node the
// target's API URL reaches, so the storage and bridge must exist there; the storage is chosen
// from the target's synced storages (room, content type), the bridge from that node's
// interfaces, the vmid from the target's next free id.
import { getClusterStatus, getNextVmid, listNetworks, type NetworkInterface, type ProxmoxClient } from "@/lib/proxmox";

export interface StorageRow {
  node: string;
  storage: string;
  shared: boolean;
  status: string;
  content: string[];
  /** Bytes used and in total, as the sync stored them. */
  disk: number;
  maxdisk: number;
}

/** Kept free on the target storage beyond the guest's disks, so a move never fills it. */
export const STORAGE_RESERVE = 0.1;

/** The content a storage must accept to hold the guest's disks. */
export function contentFor(kind: "qemu" | "lxc"): "images" | "rootdir" {
  return kind === "qemu" ? "images" : "rootdir";
}

/**
 * The storage on `node` (or shared) that accepts the guest's disks and keeps the reserve free
 * after taking `neededBytes`; the one with the most room wins. Null when none fits.
 */
export function pickStorage(
  rows: readonly StorageRow[],
  node: string,
  kind: "qemu" | "lxc",
  neededBytes: number,
): StorageRow | null {
  const content = contentFor(kind);
  const fits = rows.filter(
    (s) =>
      (s.node === node || s.shared) &&
      s.status === "available" &&
      s.content.includes(content) &&
      s.maxdisk - s.disk - neededBytes >= s.maxdisk * STORAGE_RESERVE,
  );
  fits.sort((a, b) => b.maxdisk - b.disk - (a.maxdisk - a.disk) || a.storage.localeCompare(b.storage));
  return fits[0] ?? null;
}

/** Why no storage fits, in words an operator can act on. */
export function explainNoStorage(
  rows: readonly StorageRow[],
  node: string,
  kind: "qemu" | "lxc",
  neededBytes: number,
): string {
  const content = contentFor(kind);
  const gib = (bytes: number) => `${Math.ceil(bytes / 1024 ** 3)} GiB`;
  const candidates = rows.filter((s) => (s.node === node || s.shared) && s.content.includes(content));
  if (candidates.length === 0)
    return `No storage on ${node} accepts ${content === "images" ? "VM disks" : "container volumes"} (content "${content}").`;
  const best = [...candidates].sort((a, b) => b.maxdisk - b.disk - (a.maxdisk - a.disk))[0];
  if (!best) return `No storage on ${node} has room.`;
  return `No storage on ${node} has room for ${gib(neededBytes)} with ${Math.round(STORAGE_RESERVE * 100)} % kept free (${best.storage} has ${gib(Math.max(0, best.maxdisk - best.disk))} free).`;
}

/**
 * The bridge every NIC of the guest is mapped to: the active bridge that carries the node's
 * default gateway, else vmbr0, else the first active bridge. Null when the node has none.
 */
export function pickBridge(interfaces: readonly NetworkInterface[]): string | null {
  const bridges = interfaces.filter((i) => (i.type === "bridge" || i.type === "OVSBridge") && i.active !== false);
  return (
    bridges.find((i) => i.gateway)?.iface ??
    bridges.find((i) => i.iface === "vmbr0")?.iface ??
    bridges[0]?.iface ??
    null
  );
}

export interface ResolvedTarget {
  node: string;
  storage: string;
  bridge: string;
  vmid: number;
}

export class TargetError extends Error {
  override name = "TargetError";
}

/** Reads the receiving node, its bridges and a free vmid from the target, then picks. */
export async function resolveTarget(
  client: ProxmoxClient,
  storages: readonly StorageRow[],
  guest: { kind: "qemu" | "lxc"; diskBytes: number },
  targetName: string,
): Promise<ResolvedTarget> {
  const status = await getClusterStatus(client);
  const node = status.find((s) => s.type === "node" && s.local === true)?.name;
  if (!node)
    throw new TargetError(`${targetName} did not say which node answers its API, so the receiving node is unknown.`);
  const storage = pickStorage(storages, node, guest.kind, guest.diskBytes);
  if (!storage)
    throw new TargetError(`${targetName}: ${explainNoStorage(storages, node, guest.kind, guest.diskBytes)}`);
  const bridge = pickBridge(await listNetworks(client, node, "any_bridge"));
  if (!bridge)
    throw new TargetError(`${targetName}: node ${node} has no active network bridge for the guest's network.`);
  const vmid = await getNextVmid(client);
  return { node, storage: storage.storage, bridge, vmid };
}
