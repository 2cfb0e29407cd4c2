// Declarative description of a simulated federation. A spec plus its seed fully determines the
// clusters, nodes, guests, disks and tokens the simulator serves, so the demo and the tests see
// the same federation every time.

export type GuestType = "qemu" | "lxc";
export type GuestStatus = "running" | "stopped";

export interface NodeSpec {
  name: string;
  cores: number;
  memoryGiB: number;
  rootDiskGiB: number;
  /** Full pve-manager version, e.g. "9.1.2". Defaults to the cluster's pveVersion. */
  pveVersion?: string;
  /** Seconds since boot at simulator start. */
  uptime?: number;
  /** Starts offline (can be toggled later through fault injection). */
  online?: boolean;
  ip?: string;
  cpuModel?: string;
  sockets?: number;
}

export interface GuestSpec {
  vmid: number;
  type: GuestType;
  name: string;
  node: string;
  status?: GuestStatus;
  /** Tags without separators; served `;`-joined as PVE does. */
  tags?: string[];
  cores: number;
  memoryMiB: number;
  diskGiB: number;
  template?: boolean;
  /** Storage holding the guest's disk (default: `local-lvm`). */
  storage?: string;
  /** Bridge of the guest's first NIC (default: `vmbr0`). */
  bridge?: string;
  lock?: string;
  pool?: string;
}

/** Generates `count` guests spread over the cluster's nodes; one line for a 2,000-guest cluster. */
export interface GuestGeneratorSpec {
  count: number;
  startVmid?: number;
  /** Share of containers among generated guests, 0..1 (default 0.3). */
  lxcRatio?: number;
  /** Share of running guests, 0..1 (default 0.8). */
  runningRatio?: number;
  namePrefix?: string;
  /** Tags drawn from this pool (default: a DePIN-flavoured list). */
  tagPool?: string[];
  /** Only place guests on these nodes (default: all). */
  nodes?: string[];
}

export interface StorageSpec {
  id: string;
  type: "dir" | "lvmthin" | "lvm" | "zfspool" | "nfs" | "cifs" | "rbd" | "cephfs" | "pbs";
  content: string[];
  totalGiB: number;
  usedGiB?: number;
  shared?: boolean;
  /** Nodes where the storage is enabled (default: all). Non-shared storages exist per node. */
  nodes?: string[];
}

export interface DiskSpec {
  node: string;
  devpath: string;
  type: "ssd" | "nvme" | "hdd";
  sizeGiB: number;
  model?: string;
  serial?: string;
  vendor?: string;
  /** SMART health as smartctl reports it. */
  health?: "PASSED" | "FAILED" | "OK" | "UNKNOWN";
  /** Percentage of life remaining for SSD/NVMe (100 = new); ignored for HDDs ("N/A"). */
  wearout?: number;
  used?: string;
}

export interface HaResourceSpec {
  /** `vm:<vmid>` or `ct:<vmid>`. */
  sid: string;
  state?: "started" | "stopped" | "disabled" | "ignored";
  group?: string;
  maxRestart?: number;
  maxRelocate?: number;
  comment?: string;
}

export interface AclEntrySpec {
  path: string;
  /** A built-in role (Administrator, PVEAuditor, PVEVMAdmin, PVEVMUser, NoAccess) or one of the spec's roles. */
  role?: string;
  privileges?: string[];
  /** Applies to sub-paths too (default true, as `pveum acl modify` does). */
  propagate?: boolean;
}

export interface TokenSpec {
  /** `user@realm!tokenid`. */
  tokenId: string;
  /** The secret (a UUID on real PVE). */
  secret: string;
  /** Privilege separation (default true): effective = user's ∩ token's ACL. */
  privsep?: boolean;
  /** ACL entries of the token itself (used when privsep is on). */
  acl?: AclEntrySpec[];
  /** ACL entries of the owning user (default: same as `acl`). Ignored for root@pam. */
  userAcl?: AclEntrySpec[];
  /** Unix time after which the token is rejected (0/absent = never). */
  expire?: number;
  /** Disabled users' tokens are rejected. */
  userEnabled?: boolean;
  comment?: string;
}

export interface ClusterSpec {
  name: string;
  /** Fixed HTTPS port (default: ephemeral). */
  port?: number;
  /** Fixed control port (default: ephemeral). */
  controlPort?: number;
  pveVersion?: string;
  nodes: NodeSpec[];
  guests?: Array<GuestSpec | GuestGeneratorSpec>;
  /** Default: `local` (dir) and `local-lvm` (lvmthin) on every node. */
  storages?: StorageSpec[];
  /** Default: generated per node from the seed. */
  disks?: DiskSpec[];
  ha?: HaResourceSpec[];
  tokens?: TokenSpec[];
  /** Extra roles by name → privileges. */
  roles?: Record<string, string[]>;
  /** Bridges present on every node (default: ["vmbr0"]). */
  bridges?: string[];
  /** Free-form site data for the demo (lat, lon, role, tier...); the simulator ignores it. */
  site?: Record<string, unknown>;
}

export interface FederationSpec {
  seed: number;
  clusters: ClusterSpec[];
}

export function isGuestGenerator(g: GuestSpec | GuestGeneratorSpec): g is GuestGeneratorSpec {
  return "count" in g;
}
