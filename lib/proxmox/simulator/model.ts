// The mutable state of one simulated cluster, expanded from its spec with the federation seed.
import type {
  ClusterSpec,
  DiskSpec,
  GuestGeneratorSpec,
  GuestSpec,
  HaResourceSpec,
  StorageSpec,
  TokenSpec,
} from "./spec";
import { isGuestGenerator } from "./spec";
import { createRng } from "./rng";

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export interface NodeState {
  name: string;
  nodeid: number;
  cores: number;
  sockets: number;
  memoryBytes: number;
  rootBytes: number;
  pveVersion: string;
  bootTimeMs: number;
  online: boolean;
  ip: string;
  cpuModel: string;
}

export interface GuestState {
  vmid: number;
  type: "qemu" | "lxc";
  name: string;
  node: string;
  status: "running" | "stopped";
  tags: string[];
  cores: number;
  memoryBytes: number;
  diskBytes: number;
  template: boolean;
  storage: string;
  bridge: string;
  lock?: string;
  pool?: string;
  startedAtMs?: number;
  pid?: number;
}

export interface StorageState {
  id: string;
  type: StorageSpec["type"];
  content: string[];
  totalBytes: number;
  usedBytes: number;
  shared: boolean;
  nodes: string[];
}
export interface DiskState extends Required<Omit<DiskSpec, "used" | "wearout">> {
  sizeBytes: number;
  wearout?: number;
  used?: string;
  wwn: string;
}
export interface HaState {
  sid: string;
  vmid: number;
  type: "vm" | "ct";
  state: NonNullable<HaResourceSpec["state"]>;
  group?: string;
  maxRestart: number;
  maxRelocate: number;
  comment?: string;
}

export interface ClusterModel {
  name: string;
  seed: number;
  nodes: NodeState[];
  guests: Map<number, GuestState>;
  storages: StorageState[];
  disks: DiskState[];
  ha: Map<string, HaState>;
  tokens: TokenSpec[];
  roles: Record<string, string[]>;
  bridges: string[];
  configVersion: number;
  /** Bumped on every change so cached metrics are recomputed. */
  revision: number;
}

const TAGS = [
  "helium",
  "filecoin",
  "render",
  "iotex",
  "akash",
  "inference",
  "storage",
  "trading",
  "web",
  "db",
  "monitoring",
  "backup",
];
const CPU_MODELS = [
  "AMD EPYC 7543P 32-Core Processor",
  "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
  "AMD Ryzen 9 7950X 16-Core Processor",
  "Intel(R) Xeon(R) E-2388G CPU @ 3.20GHz",
];

export function buildModel(spec: ClusterSpec, seed: number, nowMs: number): ClusterModel {
  const rng = createRng(seed, `model:${spec.name}`);
  const pveVersion = spec.pveVersion ?? "9.1.2";
  const nodes: NodeState[] = spec.nodes.map((n, i) => ({
    name: n.name,
    nodeid: i + 1,
    cores: n.cores,
    sockets: n.sockets ?? 1,
    memoryBytes: n.memoryGiB * GiB,
    rootBytes: n.rootDiskGiB * GiB,
    pveVersion: n.pveVersion ?? pveVersion,
    bootTimeMs: nowMs - (n.uptime ?? rng.int(86_400, 60 * 86_400)) * 1000,
    online: n.online ?? true,
    ip: n.ip ?? `10.0.0.${i + 11}`,
    cpuModel: n.cpuModel ?? rng.pick(CPU_MODELS),
  }));
  const nodeNames = nodes.map((n) => n.name);
  const guests = new Map<number, GuestState>();
  for (const g of spec.guests ?? []) {
    for (const guest of isGuestGenerator(g)
      ? generateGuests(g, nodeNames, seed, spec.name, guests)
      : [explicitGuest(g)]) {
      if (guests.has(guest.vmid)) throw new Error(`${spec.name}: duplicate vmid ${guest.vmid}`);
      if (!nodeNames.includes(guest.node))
        throw new Error(`${spec.name}: guest ${guest.vmid} on unknown node ${guest.node}`);
      guests.set(guest.vmid, guest);
    }
  }
  for (const g of guests.values())
    if (g.status === "running")
      g.startedAtMs = nowMs - createRng(seed, `up:${spec.name}:${g.vmid}`).int(60, 30 * 86_400) * 1000;
  const storages = (spec.storages ?? defaultStorages(nodes)).map((s) => ({
    id: s.id,
    type: s.type,
    content: s.content,
    totalBytes: s.totalGiB * GiB,
    usedBytes: (s.usedGiB ?? s.totalGiB * (0.2 + rng.next() * 0.5)) * GiB,
    shared: s.shared ?? false,
    nodes: s.nodes ?? nodeNames,
  }));
  const disks = (spec.disks ?? defaultDisks(nodeNames, seed, spec.name)).map((d, i) => ({
    node: d.node,
    devpath: d.devpath,
    type: d.type,
    sizeGiB: d.sizeGiB,
    sizeBytes: d.sizeGiB * GiB,
    model:
      d.model ??
      (d.type === "hdd" ? "ST8000NM017B" : d.type === "nvme" ? "Samsung SSD 980 PRO 2TB" : "INTEL SSDSC2KB960G8"),
    serial: d.serial ?? `SIM${createRng(seed, `serial:${spec.name}:${i}`).int(10_000_000, 99_999_999)}`,
    vendor: d.vendor ?? "ATA",
    health: d.health ?? "PASSED",
    wearout: d.type === "hdd" ? undefined : (d.wearout ?? 100),
    used: d.used,
    wwn: `0x5000${(i + 0x1000).toString(16)}cafe${i}`,
  }));
  const ha = new Map<string, HaState>();
  for (const h of spec.ha ?? []) {
    const m = /^(vm|ct):(\d+)$/.exec(h.sid);
    if (!m) throw new Error(`${spec.name}: bad HA sid ${h.sid}`);
    ha.set(h.sid, {
      sid: h.sid,
      type: m[1] === "ct" ? "ct" : "vm",
      vmid: Number(m[2]),
      state: h.state ?? "started",
      group: h.group,
      maxRestart: h.maxRestart ?? 1,
      maxRelocate: h.maxRelocate ?? 1,
      comment: h.comment,
    });
  }
  return {
    name: spec.name,
    seed,
    nodes,
    guests,
    storages,
    disks,
    ha,
    tokens: spec.tokens ?? [],
    roles: spec.roles ?? {},
    bridges: spec.bridges ?? ["vmbr0"],
    configVersion: nodes.length + 3,
    revision: 0,
  };
}

function explicitGuest(g: GuestSpec): GuestState {
  return {
    vmid: g.vmid,
    type: g.type,
    name: g.name,
    node: g.node,
    status: g.status ?? "stopped",
    tags: g.tags ?? [],
    cores: g.cores,
    memoryBytes: g.memoryMiB * MiB,
    diskBytes: g.diskGiB * GiB,
    template: g.template ?? false,
    storage: g.storage ?? "local-lvm",
    bridge: g.bridge ?? "vmbr0",
    lock: g.lock,
    pool: g.pool,
  };
}

function generateGuests(
  g: GuestGeneratorSpec,
  nodeNames: string[],
  seed: number,
  cluster: string,
  taken: Map<number, GuestState>,
): GuestState[] {
  const rng = createRng(seed, `guests:${cluster}:${g.startVmid ?? 100}`);
  const nodes = g.nodes ?? nodeNames;
  const out: GuestState[] = [];
  let vmid = g.startVmid ?? 100;
  for (let i = 0; i < g.count; i++) {
    while (taken.has(vmid)) vmid++;
    // The first ~2 % stay qemu so generated HA resources (vm:100…) point at VMs.
    const type = i < Math.max(1, Math.floor(g.count * 0.02)) ? "qemu" : rng.chance(g.lxcRatio ?? 0.3) ? "lxc" : "qemu";
    const tags = g.tagPool ?? TAGS;
    const tagCount = rng.int(0, 2);
    out.push({
      vmid,
      type,
      name: `${g.namePrefix ?? (type === "qemu" ? "vm" : "ct")}-${vmid}`,
      node: nodes[i % nodes.length] ?? nodeNames[0] ?? "pve1",
      status: rng.chance(g.runningRatio ?? 0.8) ? "running" : "stopped",
      tags: [...new Set(Array.from({ length: tagCount }, () => rng.pick(tags)))].sort(),
      cores: rng.pick([1, 2, 2, 4, 4, 8]),
      memoryBytes: rng.pick([512, 1024, 2048, 4096, 8192, 16384]) * MiB,
      diskBytes: rng.pick([8, 16, 32, 64, 128]) * GiB,
      template: false,
      storage: "local-lvm",
      bridge: "vmbr0",
    });
    vmid++;
  }
  return out;
}

function defaultStorages(nodes: NodeState[]): StorageSpec[] {
  const root = Math.min(...nodes.map((n) => n.rootBytes / GiB));
  return [
    { id: "local", type: "dir", content: ["backup", "iso", "vztmpl"], totalGiB: Math.round(root * 0.9) },
    { id: "local-lvm", type: "lvmthin", content: ["images", "rootdir"], totalGiB: 1800 },
  ];
}

function defaultDisks(nodeNames: string[], seed: number, cluster: string): DiskSpec[] {
  return nodeNames.flatMap((node) => {
    const rng = createRng(seed, `disks:${cluster}:${node}`);
    return [
      { node, devpath: "/dev/nvme0n1", type: "nvme" as const, sizeGiB: 1863, wearout: rng.int(70, 100), used: "LVM" },
      { node, devpath: "/dev/sda", type: "ssd" as const, sizeGiB: 894, wearout: rng.int(40, 100), used: "ZFS" },
      { node, devpath: "/dev/sdb", type: "hdd" as const, sizeGiB: 7452 },
    ];
  });
}
