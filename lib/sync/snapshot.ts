// Pure: turns what one sync read from a cluster into the rows Sovereign stores. No I/O here, so
// the mapping (Proxmox's field quirks, health rules, totals) is unit-tested on plain data.
import type { GuestStatus, NodeStatus as NodeState } from "@/generated/prisma/enums";
import type { ClusterResource, ClusterTask, Disk, HaStatusEntry } from "@/lib/proxmox";
import type { ClusterReading, ClusterSnapshot, ClusterSummary, DiskRow, GuestRow, NodeRow, StorageRow } from "./rows";
import type { StoredHaResource, StoredTask } from "@/lib/state/rows";

export type * from "./rows";

/** How many recent tasks a cluster keeps; /cluster/tasks itself returns about this many. */
export const TASKS_KEPT = 50;

const n = (value: number | undefined): number => (value === undefined || !Number.isFinite(value) ? 0 : value);

/** "pve-manager/9.1.2/0f5a…" → "9.1.2". */
export function pveVersionOf(text: string | undefined): string | null {
  if (!text) return null;
  const m = /pve-manager\/([^/\s]+)/.exec(text);
  return m?.[1] ?? text;
}

export function splitTags(tags: string | undefined): string[] {
  if (!tags) return [];
  return [
    ...new Set(
      tags
        .split(/[;,\s]+/)
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

function nodeState(status: string | undefined): NodeState {
  return status === "online" || status === "offline" ? status : "unknown";
}

function guestState(status: string | undefined): GuestStatus {
  return status === "running" || status === "stopped" || status === "paused" ? status : "unknown";
}

function mapNodes(reading: ClusterReading, lrm: ReadonlyMap<string, string>): NodeRow[] {
  const ips = new Map(reading.status.filter((e) => e.type === "node").map((e) => [e.name, e.ip ?? null]));
  return reading.resources
    .filter((r) => r.type === "node" && r.node)
    .map((r) => {
      const name = r.node ?? "";
      const detail = reading.nodeStatus?.get(name) ?? null;
      return {
        name,
        status: nodeState(r.status),
        ip: ips.get(name) ?? null,
        cpu: n(r.cpu),
        maxcpu: Math.round(n(r.maxcpu)),
        mem: n(r.mem),
        maxmem: n(r.maxmem),
        disk: n(r.disk),
        maxdisk: n(r.maxdisk),
        uptime: Math.round(n(r.uptime)),
        loadavg1: detail?.loadavg[0] ?? null,
        pveVersion: pveVersionOf(detail?.pveversion),
        kernel: detail?.["current-kernel"]?.release ?? detail?.kversion ?? null,
        cpuModel: detail?.cpuinfo.model ?? null,
        level: r.level ?? null,
        haState: r.hastate ?? lrm.get(name) ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function mapGuests(resources: ClusterResource[]): GuestRow[] {
  return resources
    .filter(
      (r): r is ClusterResource & { type: "qemu" | "lxc"; vmid: number } =>
        (r.type === "qemu" || r.type === "lxc") && r.vmid !== undefined,
    )
    .map((r) => ({
      vmid: r.vmid,
      type: r.type,
      name: r.name ?? `${r.type === "qemu" ? "VM" : "CT"} ${r.vmid}`,
      node: r.node ?? "",
      status: guestState(r.status),
      template: r.template ?? false,
      tags: splitTags(r.tags),
      cpu: n(r.cpu),
      maxcpu: n(r.maxcpu),
      mem: n(r.mem),
      maxmem: n(r.maxmem),
      disk: n(r.disk),
      maxdisk: n(r.maxdisk),
      netin: n(r.netin),
      netout: n(r.netout),
      uptime: Math.round(n(r.uptime)),
      hastate: r.hastate ?? null,
      lock: r.lock ?? null,
      pool: r.pool ?? null,
    }));
}

function mapStorages(resources: ClusterResource[]): StorageRow[] {
  return resources
    .filter((r) => r.type === "storage" && r.node && r.storage)
    .map((r) => ({
      node: r.node ?? "",
      storage: r.storage ?? "",
      plugintype: r.plugintype ?? null,
      content: (r.content ?? "").split(",").filter(Boolean),
      shared: r.shared ?? false,
      status: r.status ?? "unknown",
      disk: n(r.disk),
      maxdisk: n(r.maxdisk),
    }));
}

function mapDisks(disks: ReadonlyMap<string, Disk[]>): DiskRow[] {
  const rows: DiskRow[] = [];
  for (const [node, list] of disks) {
    for (const d of list) {
      rows.push({
        node,
        devpath: d.devpath,
        type: d.type ?? null,
        model: d.model ?? null,
        serial: d.serial ?? null,
        vendor: d.vendor ?? null,
        size: n(d.size),
        health: d.health ?? null,
        wearout: typeof d.wearout === "number" ? Math.round(d.wearout) : null,
        used: d.used ?? null,
      });
    }
  }
  return rows;
}

function mapHa(ha: HaStatusEntry[]): StoredHaResource[] {
  return ha
    .filter((e) => e.type === "service")
    .map((e) => {
      const sid = e.sid ?? e.id.replace(/^service:/, "");
      const vmid = /^(?:vm|ct):(\d+)$/.exec(sid)?.[1];
      return {
        sid,
        vmid: vmid === undefined ? null : Number(vmid),
        node: e.node,
        state: e.state ?? null,
        crmState: e.crm_state ?? null,
        requestState: e.request_state ?? null,
        group: e.group ?? null,
        status: e.status,
      };
    });
}

function mapTasks(tasks: ClusterTask[]): StoredTask[] {
  return tasks
    .filter((t) => t.starttime !== undefined)
    .map((t) => {
      const status = t.status ?? null;
      return {
        upid: t.upid,
        node: t.node ?? t.upid.split(":")[1] ?? "",
        type: t.type ?? "",
        objectId: t.id ?? "",
        user: t.tokenid ? `${t.user ?? ""}!${t.tokenid}` : (t.user ?? ""),
        startedAt: new Date(n(t.starttime) * 1000),
        endedAt: t.endtime === undefined ? null : new Date(t.endtime * 1000),
        status,
        ok: status === null || t.endtime === undefined ? null : status === "OK" || /^WARNINGS: \d+$/.test(status),
      };
    })
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
    .slice(0, TASKS_KEPT);
}

function summarise(nodes: NodeRow[], guests: GuestRow[], storages: StorageRow[], degraded: boolean): ClusterSummary {
  const online = nodes.filter((node) => node.status === "online");
  const real = guests.filter((g) => !g.template);
  // A shared storage is listed once per node: count it once.
  const seen = new Set<string>();
  let storageUsed = 0;
  let storageTotal = 0;
  for (const s of storages) {
    if (s.status !== "available") continue;
    const key = s.shared ? s.storage : `${s.node}/${s.storage}`;
    if (seen.has(key)) continue;
    seen.add(key);
    storageUsed += s.disk;
    storageTotal += s.maxdisk;
  }
  return {
    health: online.length === 0 ? "down" : degraded ? "degraded" : "healthy",
    nodesOnline: online.length,
    nodesTotal: nodes.length,
    guestsRunning: real.filter((g) => g.status === "running").length,
    guestsTotal: real.length,
    cpuUsed: online.reduce((sum, node) => sum + node.cpu * node.maxcpu, 0),
    cpuTotal: nodes.reduce((sum, node) => sum + node.maxcpu, 0),
    memUsed: online.reduce((sum, node) => sum + node.mem, 0),
    memTotal: nodes.reduce((sum, node) => sum + node.maxmem, 0),
    storageUsed,
    storageTotal,
  };
}

export function buildSnapshot(reading: ClusterReading): ClusterSnapshot {
  const clusterEntry = reading.status.find((e) => e.type === "cluster");
  const ha = reading.ha ?? [];
  const lrm = new Map(ha.filter((e) => e.type === "lrm").map((e) => [e.node, e.status]));
  const nodes = mapNodes(reading, lrm);
  const guests = mapGuests(reading.resources);
  const storages = mapStorages(reading.resources);
  const haRows = reading.ha === null ? null : mapHa(reading.ha);
  // A standalone node has no cluster entry and is its own quorum.
  const quorate = clusterEntry ? (clusterEntry.quorate ?? false) : true;
  const nodeReadFailed = [...(reading.nodeStatus?.values() ?? [])].some((s) => s === null);
  const haError = (haRows ?? []).some((r) => r.state === "error" || r.state === "fence");
  const degraded = !quorate || nodes.some((node) => node.status !== "online") || nodeReadFailed || haError;
  const versions = nodes.map((node) => node.pveVersion).filter((v): v is string => v !== null);
  const quorum = ha.find((e) => e.type === "quorum");
  return {
    facts: {
      pveClusterName: clusterEntry?.name ?? null,
      quorate,
      // The oldest version in a mixed cluster is the one that limits what it can do.
      ...(reading.nodeStatus === null
        ? {}
        : { pveVersion: versions.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))[0] ?? null }),
      haQuorate: quorum?.quorate ?? null,
      haMasterNode: ha.find((e) => e.type === "master")?.node ?? null,
      haFencingState: ha.find((e) => e.type === "fencing")?.["armed-state"] ?? null,
    },
    nodes,
    nodeDetailsRead: reading.nodeStatus !== null,
    guests,
    storages,
    disks: reading.disks === null ? null : mapDisks(reading.disks),
    diskNodes: reading.disks === null ? [] : [...reading.disks.keys()],
    ha: haRows,
    tasks: reading.tasks === null ? null : mapTasks(reading.tasks),
    summary: summarise(nodes, guests, storages, degraded),
  };
}
