// Which guests belong to which workload: those assigned in the UI (WorkloadGuest), then those
// carrying a workload's Proxmox tag. A guest belongs to at most one workload: an assignment wins
// over a tag, and between two tags the workload with the higher priority (then the name) wins, so
// the answer never depends on row order. Pure: the loader and the pages share it.

export interface MemberWorkload {
  id: string;
  name: string;
  tag: string | null;
  priority: number;
}

export interface MemberGuest {
  clusterId: string;
  vmid: number;
  tags: readonly string[];
  template: boolean;
}

export const guestKey = (clusterId: string, vmid: number) => `${clusterId}:${vmid}`;

/** guestKey → workload id, for every guest that belongs to one. Templates never do. */
export function workloadMembership(
  workloads: readonly MemberWorkload[],
  guests: readonly MemberGuest[],
  assigned: ReadonlyArray<{ clusterId: string; vmid: number; workloadId: string }>,
): Map<string, string> {
  const out = new Map<string, string>();
  const known = new Set(workloads.map((w) => w.id));
  for (const a of assigned) if (known.has(a.workloadId)) out.set(guestKey(a.clusterId, a.vmid), a.workloadId);
  const ranked = [...workloads]
    .filter((w) => w.tag)
    .sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
  if (ranked.length === 0) return out;
  for (const g of guests) {
    if (g.template) continue;
    const key = guestKey(g.clusterId, g.vmid);
    if (out.has(key)) continue;
    let best: string | undefined;
    for (const w of ranked) {
      if (g.tags.some((t) => t.toLowerCase() === w.tag)) {
        best = w.id;
        break;
      }
    }
    if (best) out.set(key, best);
  }
  return out;
}
