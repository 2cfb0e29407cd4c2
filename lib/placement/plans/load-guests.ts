// The guests as the engine sees them: those belonging to a workload are its replicas (and shown
// on the planner), the rest only use room on their cluster. Running guests use their CPUs and
// memory; every guest holds its disk (a stopped one still holds its volume). Pure.
import type { Replica, Resources } from "@/lib/placement/engine/types";
import { guestKey } from "@/lib/placement/workloads/membership";
import type { ContextGuest } from "./load-context";

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

export interface LoadedGuest {
  clusterId: string;
  vmid: number;
  name: string;
  type: "qemu" | "lxc";
  status: string;
  template: boolean;
  maxcpu: number;
  maxmem: number;
  maxdisk: number;
}

export function splitGuests(guests: readonly LoadedGuest[], membership: ReadonlyMap<string, string>) {
  const baseline = new Map<string, Resources>();
  const replicas = new Map<string, Replica[]>();
  const contextGuests: Record<string, ContextGuest> = {};
  for (const g of guests) {
    const key = guestKey(g.clusterId, g.vmid);
    const workloadId = membership.get(key);
    if (workloadId) {
      const list = replicas.get(workloadId) ?? [];
      list.push({ key, clusterId: g.clusterId, vmid: g.vmid, guestName: g.name });
      replicas.set(workloadId, list);
      contextGuests[key] = { clusterId: g.clusterId, vmid: g.vmid, name: g.name, type: g.type, status: g.status };
      continue;
    }
    const used = baseline.get(g.clusterId) ?? { vcpu: 0, memoryMb: 0, diskGb: 0, gpus: 0 };
    if (!g.template && (g.status === "running" || g.status === "paused")) {
      used.vcpu += g.maxcpu;
      used.memoryMb += g.maxmem / MiB;
    }
    used.diskGb += g.maxdisk / GiB;
    baseline.set(g.clusterId, used);
  }
  return { baseline, replicas, contextGuests };
}

/** Whole units, rounded up: a fraction of a CPU in use is a CPU the engine cannot place on. */
export function roundResources(r: Resources | undefined): Resources {
  if (!r) return { vcpu: 0, memoryMb: 0, diskGb: 0, gpus: 0 };
  return { vcpu: Math.ceil(r.vcpu), memoryMb: Math.ceil(r.memoryMb), diskGb: Math.ceil(r.diskGb), gpus: r.gpus };
}
