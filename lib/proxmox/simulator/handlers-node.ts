// Per-node read endpoints: node list and status, RRD history, physical disks, certificates.
import type { Ctx, Handler } from "./context";
import { nodeByName } from "./context";
import { hasPriv } from "./auth";
import { describeCa } from "./certs";
import { metricsSnapshot } from "./metrics";
import type { NodeState } from "./model";
import { smoothNoise } from "./rng";
import { ApiError } from "./errors";

/**
 * A node as /nodes and /cluster/resources list it; `extra` is what only one of them adds. Its
 * usage is shown only to a token with Sys.Audit on the node.
 */
export function nodeEntry(
  ctx: Ctx,
  n: NodeState,
  m: ReturnType<typeof metricsSnapshot>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const e: Record<string, unknown> = {
    id: `node/${n.name}`,
    type: "node",
    node: n.name,
    status: n.online ? "online" : "offline",
    maxcpu: n.cores * n.sockets,
    maxmem: n.memoryBytes,
    maxdisk: n.rootBytes,
    level: "",
    ...extra,
  };
  const s = m.nodes.get(n.name);
  if (n.online && s && hasPriv(ctx.who, `/nodes/${n.name}`, "Sys.Audit"))
    Object.assign(e, { cpu: s.cpu, mem: s.mem, disk: s.disk, uptime: s.uptime });
  return e;
}

const nodes: Handler = (ctx) => {
  const m = metricsSnapshot(ctx.rt.model, ctx.rt.now());
  return ctx.rt.model.nodes.map((n) => nodeEntry(ctx, n, m, { ssl_fingerprint: ctx.rt.leaf.fingerprint }));
};

const nodeStatus: Handler = (ctx) => {
  const n = nodeByName(ctx.rt, ctx.params.str("node") ?? "");
  const s = metricsSnapshot(ctx.rt.model, ctx.rt.now()).nodes.get(n.name);
  const mem = s?.mem ?? 0;
  const root = s?.disk ?? 0;
  return {
    uptime: s?.uptime ?? 0,
    cpu: s?.cpu ?? 0,
    wait: s?.iowait ?? 0,
    idle: 0,
    loadavg: (s?.loadavg ?? [0, 0, 0]).map((v) => v.toFixed(2)),
    memory: { total: n.memoryBytes, used: mem, free: n.memoryBytes - mem, available: n.memoryBytes - mem },
    swap: { total: 8 * 1024 ** 3, used: 0, free: 8 * 1024 ** 3 },
    rootfs: { total: n.rootBytes, used: root, free: n.rootBytes - root, avail: n.rootBytes - root },
    ksm: { shared: 0 },
    cpuinfo: {
      model: n.cpuModel,
      cores: n.cores,
      cpus: n.cores * n.sockets * 2,
      sockets: n.sockets,
      mhz: "2800.000",
      hvm: "1",
      user_hz: 100,
      flags: "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr",
    },
    pveversion: `pve-manager/${n.pveVersion}/3a5b2c7e`,
    kversion: "Linux 6.17.2-1-pve #1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1 (2025-11-10T09:30Z)",
    "current-kernel": {
      sysname: "Linux",
      release: "6.17.2-1-pve",
      version: "#1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1 (2025-11-10T09:30Z)",
      machine: "x86_64",
    },
    "boot-info": { mode: "efi", secureboot: 0 },
  };
};

const STEPS: Record<string, [number, number]> = {
  hour: [60, 70],
  day: [60, 1440],
  week: [1800, 336],
  month: [1800, 1440],
  year: [21_600, 1440],
  decade: [604_800, 570],
};

function rrdRows(
  ctx: Ctx,
  key: string,
  row: (t: number, noise: number) => Record<string, number>,
): Record<string, number>[] {
  const [step, count] = STEPS[ctx.params.str("timeframe") ?? "hour"] ?? [60, 70];
  const max = ctx.params.str("cf") === "MAX";
  const end = Math.floor(ctx.rt.now() / 1000 / step) * step;
  const rows: Record<string, number>[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const t = end - i * step;
    const noise = smoothNoise(ctx.rt.model.seed, `rrd:${key}`, t * 1000, step * 1000 * 8);
    rows.push({ time: t, ...row(t, max ? Math.min(1, noise * 1.3) : noise) });
  }
  return rows;
}

const nodeRrd: Handler = (ctx) => {
  const n = nodeByName(ctx.rt, ctx.params.str("node") ?? "");
  return rrdRows(ctx, n.name, (t, noise): Record<string, number> => {
    // An offline node writes no samples: those rows carry only their time, as PVE's do.
    if (!n.online && t * 1000 > ctx.rt.now() - 60_000) return {};
    const used = n.memoryBytes * (0.3 + 0.4 * noise);
    return {
      cpu: 0.05 + 0.5 * noise,
      maxcpu: n.cores * n.sockets,
      loadavg: n.cores * noise,
      iowait: 0.01 * noise,
      memtotal: n.memoryBytes,
      memused: used,
      memavailable: n.memoryBytes - used,
      arcsize: 0,
      swaptotal: 8 * 1024 ** 3,
      swapused: 0,
      roottotal: n.rootBytes,
      rootused: n.rootBytes * 0.12,
      netin: 1e6 + 5e7 * noise,
      netout: 6e5 + 3e7 * noise,
      pressurecpusome: noise * 2,
      pressureiosome: noise,
      pressureiofull: noise / 2,
      pressurememorysome: 0,
      pressurememoryfull: 0,
    };
  });
};

function guestRrd(type: "qemu" | "lxc"): Handler {
  return (ctx) => {
    const vmid = ctx.params.int("vmid") ?? 0;
    const g = ctx.rt.model.guests.get(vmid);
    if (!g || g.type !== type)
      throw new ApiError(
        500,
        `Configuration file 'nodes/${ctx.params.str("node")}/${type === "qemu" ? "qemu-server" : "lxc"}/${vmid}.conf' does not exist`,
      );
    return rrdRows(ctx, `${type}:${vmid}`, (_t, noise) => {
      const running = g.status === "running";
      const mem = running ? g.memoryBytes * (0.3 + 0.5 * noise) : 0;
      const row: Record<string, number> = {
        maxcpu: g.cores,
        cpu: running ? noise * 0.6 : 0,
        maxmem: g.memoryBytes,
        mem,
        maxdisk: g.diskBytes,
        disk: type === "lxc" ? g.diskBytes * 0.3 : 0,
        netin: running ? 2e4 + 2e6 * noise : 0,
        netout: running ? 1e4 + 1e6 * noise : 0,
        diskread: running ? 1e5 * noise : 0,
        diskwrite: running ? 2e5 * noise : 0,
      };
      if (type === "qemu") row.memhost = mem * 1.04;
      return row;
    });
  };
}

const disks: Handler = (ctx) => {
  const node = ctx.params.str("node") ?? "";
  const skipSmart = ctx.params.bool("skipsmart") === true;
  const unusedOnly = ctx.params.str("type") === "unused";
  return ctx.rt.model.disks
    .filter((d) => d.node === node && (!unusedOnly || !d.used))
    .map((d) => {
      const e: Record<string, unknown> = {
        devpath: d.devpath,
        size: d.sizeBytes,
        gpt: 1,
        mounted: 0,
        osdid: -1,
        "osdid-list": [],
        model: d.model,
        serial: d.serial,
        vendor: d.vendor,
        wwn: d.wwn,
        type: d.type,
        rpm: d.type === "hdd" ? 7200 : 0,
        by_id_link: `/dev/disk/by-id/${d.type === "nvme" ? "nvme" : "ata"}-${d.model.replace(/\s+/g, "_")}_${d.serial}`,
        health: skipSmart ? "UNKNOWN" : d.health === "FAILED" ? "FAILED" : d.health,
        // Life remaining for SSD/NVMe; "N/A" (a string) for spinning disks, as Diskmanage.pm does.
        wearout: d.type === "hdd" || d.wearout === undefined ? "N/A" : d.wearout,
      };
      if (d.used) e.used = d.used;
      return e;
    });
};

const certificates: Handler = (ctx) => {
  const { ca, leaf } = ctx.rt;
  const caInfo = describeCa(ca);
  return [
    {
      filename: "pve-root-ca.pem",
      fingerprint: caInfo.fingerprint,
      subject: caInfo.subject,
      issuer: caInfo.subject,
      notbefore: caInfo.notBefore,
      notafter: caInfo.notAfter,
      pem: ca.certPem,
      "public-key-type": "rsaEncryption",
      "public-key-bits": 2048,
      san: [],
    },
    {
      filename: "pve-ssl.pem",
      fingerprint: leaf.fingerprint,
      subject: leaf.subject,
      issuer: leaf.issuer,
      notbefore: leaf.notBefore,
      notafter: leaf.notAfter,
      pem: leaf.certPem,
      "public-key-type": "rsaEncryption",
      "public-key-bits": 2048,
      san: leaf.san,
    },
  ];
};

// The node's interfaces as /etc/network/interfaces declares them: one NIC and the cluster's
// bridges (vmbr0 carries the node's address). Remote migration maps guests onto these bridges.
const network: Handler = (ctx) => {
  const n = nodeByName(ctx.rt, ctx.params.str("node") ?? "");
  const type = ctx.params.str("type");
  const nic = {
    iface: "eno1",
    type: "eth",
    method: "manual",
    families: ["inet"],
    active: 1,
    exists: 1,
    autostart: 1,
    priority: 3,
  };
  const bridges = ctx.rt.model.bridges.map((iface, i) => {
    const e: Record<string, unknown> = {
      iface,
      type: "bridge",
      method: i === 0 ? "static" : "manual",
      families: ["inet"],
      active: 1,
      autostart: 1,
      priority: 4 + i,
      bridge_ports: i === 0 ? "eno1" : "",
      bridge_stp: "off",
      bridge_fd: "0",
    };
    if (i === 0)
      Object.assign(e, {
        address: n.ip,
        netmask: "255.255.255.0",
        cidr: `${n.ip}/24`,
        gateway: n.ip.replace(/\.\d+$/, ".1"),
      });
    return e;
  });
  if (type === undefined) return [nic, ...bridges];
  if (type === "bridge" || type === "any_bridge" || type === "any_local_bridge") return bridges;
  if (type === "eth") return [nic];
  return [];
};

export const nodeHandlers: Record<string, Handler> = {
  "GET /nodes/{node}/network": network,
  "GET /nodes": nodes,
  "GET /nodes/{node}/status": nodeStatus,
  "GET /nodes/{node}/rrddata": nodeRrd,
  "GET /nodes/{node}/qemu/{vmid}/rrddata": guestRrd("qemu"),
  "GET /nodes/{node}/lxc/{vmid}/rrddata": guestRrd("lxc"),
  "GET /nodes/{node}/disks/list": disks,
  "GET /nodes/{node}/certificates/info": certificates,
};
