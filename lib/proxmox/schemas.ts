// Response schemas for the cluster-wide and node calls, written from the PVE 9.1 API schema
// (`returns` of each method; checked by schemas.test.ts) plus the fields the implementation
// returns beyond it, as PVE-API-NOTES.md records. Objects strip unknown keys, so a newer PVE
// adding fields never breaks parsing.
import { z } from "zod";
import { bool, int, looseEnum, num, optArray, optObject, str } from "./lenient";

export const versionSchema = z.object({
  version: str.req,
  release: str.req,
  repoid: str.req,
  console: looseEnum(["applet", "vv", "html5", "xtermjs"]).opt,
});

export const clusterStatusEntrySchema = z.object({
  type: looseEnum(["cluster", "node"]).req,
  id: str.req,
  name: str.req,
  // type "cluster"
  nodes: int.opt,
  version: int.opt,
  quorate: bool.opt,
  // type "node"
  nodeid: int.opt,
  ip: str.opt,
  local: bool.opt,
  online: bool.opt,
  level: str.opt,
});

export const resourceTypes = ["node", "storage", "pool", "qemu", "lxc", "openvz", "sdn", "network"] as const;

export const clusterResourceSchema = z.object({
  id: str.req,
  type: looseEnum(resourceTypes).req,
  node: str.opt,
  // running | stopped | unknown (guests), online | offline | unknown (nodes), available (storage)
  status: str.opt,
  name: str.opt,
  vmid: int.opt,
  cpu: num.opt,
  maxcpu: num.opt,
  mem: num.opt,
  maxmem: num.opt,
  memhost: num.opt,
  disk: num.opt,
  maxdisk: num.opt,
  diskread: num.opt,
  diskwrite: num.opt,
  netin: num.opt,
  netout: num.opt,
  uptime: num.opt,
  template: bool.opt,
  lock: str.opt,
  tags: str.opt,
  pool: str.opt,
  hastate: str.opt,
  level: str.opt,
  "cgroup-mode": int.opt,
  storage: str.opt,
  plugintype: str.opt,
  content: str.opt,
  shared: bool.opt,
  sdn: str.opt,
  "zone-type": str.opt,
  network: str.opt,
  "network-type": str.opt,
  protocol: str.opt,
});

export const nodeIndexEntrySchema = z.object({
  node: str.req,
  status: looseEnum(["unknown", "online", "offline"]).req,
  cpu: num.opt,
  maxcpu: num.opt,
  mem: num.opt,
  maxmem: num.opt,
  uptime: num.opt,
  level: str.opt,
  ssl_fingerprint: str.opt,
  // Returned by the implementation, not in the 9.1 schema.
  id: str.opt,
  type: str.opt,
  disk: num.opt,
  maxdisk: num.opt,
});

const memorySchema = z.object({ total: num.req, used: num.req, free: num.req, available: num.opt });

export const nodeStatusSchema = z.object({
  cpu: num.req,
  // Three strings in PVE ("0.52"); parsed to numbers for the UI.
  loadavg: z.array(num.req),
  memory: memorySchema,
  rootfs: z.object({ total: num.req, used: num.req, free: num.req, avail: num.req }),
  cpuinfo: z.object({ model: str.req, cores: int.req, cpus: int.req, sockets: int.req, mhz: num.opt }),
  pveversion: str.req,
  // Added in 8.x; optional so older nodes of a mixed federation still parse.
  "current-kernel": optObject(z.object({ sysname: str.req, release: str.req, version: str.req, machine: str.req })),
  "boot-info": optObject(z.object({ mode: looseEnum(["efi", "legacy-bios"]).req, secureboot: bool.opt })),
  // Returned by the implementation, not in the 9.1 schema.
  uptime: num.opt,
  idle: num.opt,
  wait: num.opt,
  kversion: str.opt,
  swap: optObject(memorySchema),
  ksm: optObject(z.object({ shared: num.opt })),
});

/** SSD wear: percentage of life remaining (100 = new), or "N/A" for HDDs and unknown disks. */
const wearoutField = z.union([z.literal("N/A"), num.req]);

export const diskSchema = z.object({
  devpath: str.req,
  size: num.req,
  gpt: bool.req,
  mounted: bool.req,
  osdid: int.req,
  // Schema says required; Perl leaves it undef when no OSD is on the disk.
  "osdid-list": optArray(int.req),
  health: str.opt,
  model: str.opt,
  serial: str.opt,
  vendor: str.opt,
  wwn: str.opt,
  used: str.opt,
  parent: str.opt,
  // Returned by the implementation, not in the 9.1 schema.
  wearout: wearoutField.optional(),
  type: looseEnum(["hdd", "ssd", "nvme", "usb", "unknown", "partition"]).opt,
  rpm: num.opt,
  by_id_link: str.opt,
});

/** RRD rows: `time` plus whichever data sources had a sample (undefined ones are omitted). */
export const rrdRowSchema = z.object({ time: num.req }).catchall(num.opt);

export const haStatusEntrySchema = z.object({
  id: str.req,
  type: looseEnum(["quorum", "master", "lrm", "service", "fencing"]).req,
  node: str.req,
  status: str.req,
  quorate: bool.opt,
  timestamp: num.opt,
  sid: str.opt,
  crm_state: str.opt,
  state: str.opt,
  request_state: str.opt,
  max_restart: int.opt,
  max_relocate: int.opt,
  failback: bool.opt,
  group: str.opt,
  comment: str.opt,
  "armed-state": looseEnum(["armed", "standby", "disarming", "disarmed"]).opt,
  resource_mode: looseEnum(["freeze", "ignore"]).opt,
});

/** `{ "/vms/100": { "VM.Audit": 1 } }`: path → privilege → propagate flag. */
export const permissionsSchema = z.record(z.string(), z.record(z.string(), bool.req));

export const certificateInfoSchema = z.object({
  filename: str.opt,
  fingerprint: str.opt,
  issuer: str.opt,
  subject: str.opt,
  san: optArray(str.req),
  notbefore: num.opt,
  notafter: num.opt,
  pem: str.opt,
  "public-key-type": str.opt,
  "public-key-bits": int.opt,
});

/** One interface of a node (GET /nodes/{node}/network): the fields Sovereign reads. */
export const networkInterfaceSchema = z.object({
  iface: str.req,
  type: looseEnum([
    "bridge",
    "bond",
    "eth",
    "alias",
    "vlan",
    "fabric",
    "OVSBridge",
    "OVSBond",
    "OVSPort",
    "OVSIntPort",
    "vnet",
    "unknown",
  ]).req,
  active: bool.opt,
  autostart: bool.opt,
  address: str.opt,
  cidr: str.opt,
  gateway: str.opt,
  bridge_ports: str.opt,
  bridge_vlan_aware: bool.opt,
  comments: str.opt,
});

export type Version = z.output<typeof versionSchema>;
export type ClusterStatusEntry = z.output<typeof clusterStatusEntrySchema>;
export type ClusterResource = z.output<typeof clusterResourceSchema>;
export type NodeIndexEntry = z.output<typeof nodeIndexEntrySchema>;
export type NodeStatus = z.output<typeof nodeStatusSchema>;
export type Disk = z.output<typeof diskSchema>;
export type RrdRow = z.output<typeof rrdRowSchema>;
export type HaStatusEntry = z.output<typeof haStatusEntrySchema>;
export type Permissions = z.output<typeof permissionsSchema>;
export type CertificateInfo = z.output<typeof certificateInfoSchema>;
export type NetworkInterface = z.output<typeof networkInterfaceSchema>;
