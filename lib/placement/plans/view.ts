// The planner page's reading of a plan: names instead of ids, the moves in order of gain, each
// workload's replicas per cluster now and after, and the arrows the map draws. Pure and
// serialisable; components format the numbers.
import type { ContextCluster, PlacementContext } from "./load";
import { subjectLabel } from "@/lib/placement/workloads/subjects";
import type { Plan, RejectionReason, RevenueSource } from "@/lib/placement/engine/types";

export interface MoveRow {
  key: string;
  workloadId: string;
  workloadName: string;
  guestName: string;
  vmid: number | null;
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
  gainUsd: number;
  fromNetUsd: number;
  toNetUsd: number;
  toRevenueSource: RevenueSource;
  reason: string;
  forced: boolean;
  ruledOut: Array<{ name: string; reasons: RejectionReason[]; detail: string }>;
}

export interface WorkloadRow {
  id: string;
  name: string;
  subject: string;
  desired: number;
  now: Array<{ name: string; count: number }>;
  after: Array<{ name: string; count: number }>;
  /** Replicas the plan could not place anywhere. */
  unplaced: number;
}

export type MapSitePoint = Pick<
  ContextCluster,
  "id" | "name" | "siteName" | "role" | "tier" | "health" | "latitude" | "longitude" | "excluded" | "maintenance"
> & {
  replicasNow: number;
  replicasAfter: number;
};

export interface PlannerView {
  solver: Plan["solver"];
  optimal: boolean;
  gap: number | null;
  solveMs: number;
  netBeforeUsd: number;
  netAfterUsd: number;
  moves: MoveRow[];
  workloads: WorkloadRow[];
  sites: MapSitePoint[];
  arrows: Array<{ fromId: string; toId: string; count: number; gainUsd: number }>;
  newPlacements: number;
  stranded: number;
}

function countBy(
  ids: Array<string | null>,
  names: ReadonlyMap<string, string>,
): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const id of ids) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ name: names.get(id) ?? id, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function buildPlannerView(plan: Plan, context: PlacementContext): PlannerView {
  const names = new Map(context.clusters.map((c) => [c.id, c.name]));
  const workloadNames = new Map(context.workloads.map((w) => [w.id, w.name]));
  const networkNames = new Map(context.networks.map((n) => [n.id, n.name]));

  const moves: MoveRow[] = plan.moves
    .map((m) => ({
      key: `${m.workloadId}:${m.replicaKey}`,
      workloadId: m.workloadId,
      workloadName: workloadNames.get(m.workloadId) ?? "Workload",
      guestName: m.guestName ?? context.guests[m.replicaKey]?.name ?? m.replicaKey,
      vmid: m.vmid,
      fromId: m.fromClusterId,
      fromName: names.get(m.fromClusterId) ?? m.fromClusterId,
      toId: m.toClusterId,
      toName: names.get(m.toClusterId) ?? m.toClusterId,
      gainUsd: m.gainMonthlyUsd,
      fromNetUsd: m.from.netUsd,
      toNetUsd: m.to.netUsd,
      toRevenueSource: m.to.revenueSource,
      reason: m.reason,
      forced: m.forced,
      ruledOut: m.ruledOut.map((r) => ({
        name: names.get(r.clusterId) ?? r.clusterId,
        reasons: r.reasons,
        detail: r.detail,
      })),
    }))
    .sort(
      (a, b) => Number(b.forced) - Number(a.forced) || b.gainUsd - a.gainUsd || a.guestName.localeCompare(b.guestName),
    );

  const workloads: WorkloadRow[] = context.workloads.map((w) => {
    const mine = plan.assignments.filter((a) => a.workloadId === w.id);
    return {
      id: w.id,
      name: w.name,
      subject: subjectLabel(w.subject, networkNames),
      desired: w.desiredReplicas,
      now: countBy(
        mine.map((a) => a.fromClusterId),
        names,
      ),
      after: countBy(
        mine.map((a) => a.clusterId),
        names,
      ),
      unplaced: mine.filter((a) => a.clusterId === null).length,
    };
  });

  const now = new Map<string, number>();
  const after = new Map<string, number>();
  for (const a of plan.assignments) {
    if (a.fromClusterId) now.set(a.fromClusterId, (now.get(a.fromClusterId) ?? 0) + 1);
    if (a.clusterId) after.set(a.clusterId, (after.get(a.clusterId) ?? 0) + 1);
  }
  const sites: MapSitePoint[] = context.clusters.map((c) => ({
    id: c.id,
    name: c.name,
    siteName: c.siteName,
    role: c.role,
    tier: c.tier,
    health: c.health,
    latitude: c.latitude,
    longitude: c.longitude,
    excluded: c.excluded,
    maintenance: c.maintenance,
    replicasNow: now.get(c.id) ?? 0,
    replicasAfter: after.get(c.id) ?? 0,
  }));

  const arrows = new Map<string, { fromId: string; toId: string; count: number; gainUsd: number }>();
  for (const m of moves) {
    const arrow = arrows.get(`${m.fromId}>${m.toId}`) ?? { fromId: m.fromId, toId: m.toId, count: 0, gainUsd: 0 };
    arrow.count += 1;
    arrow.gainUsd += m.gainUsd;
    arrows.set(`${m.fromId}>${m.toId}`, arrow);
  }

  return {
    solver: plan.solver,
    optimal: plan.optimal,
    gap: plan.gap,
    solveMs: plan.solveMs,
    netBeforeUsd: plan.netBeforeUsd,
    netAfterUsd: plan.netAfterUsd,
    moves,
    workloads,
    sites,
    arrows: [...arrows.values()],
    newPlacements: plan.placements.filter((p) => p.clusterId !== null).length,
    stranded: plan.stranded.length,
  };
}
