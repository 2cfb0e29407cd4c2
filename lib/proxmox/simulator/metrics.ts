// Live load figures. Each metric is seeded noise over time, so two polls a few seconds apart
// differ a little, and the same seed at the same instant gives the same numbers.
import type { ClusterModel, GuestState, NodeState } from "./model";
import { smoothNoise } from "./rng";

export interface GuestMetrics {
  cpu: number;
  mem: number;
  memhost: number;
  disk: number;
  netin: number;
  netout: number;
  diskread: number;
  diskwrite: number;
  uptime: number;
}

const ZERO: GuestMetrics = {
  cpu: 0,
  mem: 0,
  memhost: 0,
  disk: 0,
  netin: 0,
  netout: 0,
  diskread: 0,
  diskwrite: 0,
  uptime: 0,
};

export function guestMetrics(model: ClusterModel, g: GuestState, nowMs: number): GuestMetrics {
  if (g.status !== "running" || g.startedAtMs === undefined)
    return { ...ZERO, disk: g.type === "lxc" ? Math.round(g.diskBytes * 0.3) : 0 };
  const key = `${model.name}:${g.vmid}`;
  const uptime = Math.max(0, Math.floor((nowMs - g.startedAtMs) / 1000));
  const base = smoothNoise(model.seed, `base:${key}`, 0, 1);
  const cpu = Math.min(1, base * 0.5 * (0.5 + smoothNoise(model.seed, `cpu:${key}`, nowMs)));
  const memShare = 0.25 + 0.5 * base + 0.15 * smoothNoise(model.seed, `mem:${key}`, nowMs, 60_000);
  const mem = Math.round(g.memoryBytes * Math.min(0.98, memShare));
  // Counters grow with uptime at a per-guest rate, so they only ever go up while running.
  const rate = 2_000 + base * 200_000;
  return {
    cpu: Number(cpu.toFixed(6)),
    mem,
    memhost: Math.round(mem * 1.04),
    disk: g.type === "lxc" ? Math.round(g.diskBytes * (0.2 + base * 0.5)) : 0,
    netin: Math.round(uptime * rate),
    netout: Math.round(uptime * rate * 0.6),
    diskread: Math.round(uptime * rate * 0.3),
    diskwrite: Math.round(uptime * rate * 0.4),
    uptime,
  };
}

export interface NodeMetrics {
  cpu: number;
  mem: number;
  disk: number;
  uptime: number;
  loadavg: [number, number, number];
  iowait: number;
  netin: number;
  netout: number;
  swapused: number;
}

export interface MetricsSnapshot {
  guests: Map<number, GuestMetrics>;
  nodes: Map<string, NodeMetrics>;
}

// One pass over every guest per request (2,000 guests must serve well under 50 ms); reused for
// a second of clock time unless the model changed in between.
const cache = new WeakMap<ClusterModel, { at: number; revision: number; snap: MetricsSnapshot }>();

export function metricsSnapshot(model: ClusterModel, nowMs: number): MetricsSnapshot {
  const hit = cache.get(model);
  if (hit && hit.revision === model.revision && Math.abs(nowMs - hit.at) < 1000) return hit.snap;
  const guests = new Map<number, GuestMetrics>();
  const sums = new Map<string, { cpu: number; mem: number; net: number }>();
  for (const g of model.guests.values()) {
    const m = guestMetrics(model, g, nowMs);
    guests.set(g.vmid, m);
    const s = sums.get(g.node) ?? { cpu: 0, mem: 0, net: 0 };
    s.cpu += m.cpu * g.cores;
    s.mem += m.memhost;
    s.net += m.uptime > 0 ? m.netin / m.uptime : 0;
    sums.set(g.node, s);
  }
  const nodes = new Map<string, NodeMetrics>();
  for (const n of model.nodes)
    nodes.set(n.name, nodeMetrics(model, n, nowMs, sums.get(n.name) ?? { cpu: 0, mem: 0, net: 0 }));
  const snap = { guests, nodes };
  cache.set(model, { at: nowMs, revision: model.revision, snap });
  return snap;
}

function nodeMetrics(
  model: ClusterModel,
  n: NodeState,
  nowMs: number,
  sum: { cpu: number; mem: number; net: number },
): NodeMetrics {
  const key = `${model.name}:${n.name}`;
  const cpu = Math.min(1, sum.cpu / (n.cores * 2) + 0.02 + 0.03 * smoothNoise(model.seed, `ncpu:${key}`, nowMs));
  const overhead = 2 * 1024 ** 3 + n.memoryBytes * 0.05;
  const mem = Math.round(Math.min(n.memoryBytes * 0.97, overhead + sum.mem));
  const load = cpu * n.cores * 2;
  const uptime = Math.max(0, Math.floor((nowMs - n.bootTimeMs) / 1000));
  return {
    cpu: Number(cpu.toFixed(6)),
    mem,
    disk: Math.round(n.rootBytes * (0.08 + 0.1 * smoothNoise(model.seed, `root:${key}`, 0, 1))),
    uptime,
    loadavg: [load, load * 0.95, load * 0.9].map((v) => Number(v.toFixed(2))) as [number, number, number],
    iowait: Number((0.01 * smoothNoise(model.seed, `io:${key}`, nowMs)).toFixed(6)),
    netin: Math.round(sum.net),
    netout: Math.round(sum.net * 0.6),
    swapused: 0,
  };
}
