// What the plan pages read: saved plans with their moves, each move's status and task, and the
// vote a plan was put to. Numbers, not formatted strings; Decimals become numbers here.
import "server-only";
import type { PlacementMoveStatus, PlacementPlanStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { readMoveReason, type MoveReason } from "./move-reason";

export interface PlanListRow {
  id: string;
  status: PlacementPlanStatus;
  createdAt: Date;
  createdBy: string;
  solver: string;
  netBeforeUsd: number;
  netAfterUsd: number;
  moves: number;
  done: number;
  failed: number;
  proposal: { id: string; status: string } | null;
}

export async function listPlans(take = 50): Promise<PlanListRow[]> {
  const plans = await db.placementPlan.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      status: true,
      createdAt: true,
      solver: true,
      netBeforeUsd: true,
      netAfterUsd: true,
      createdBy: { select: { name: true } },
      proposal: { select: { id: true, status: true } },
      moves: { select: { status: true } },
    },
  });
  return plans.map((p) => ({
    id: p.id,
    status: p.status,
    createdAt: p.createdAt,
    createdBy: p.createdBy.name,
    solver: p.solver,
    netBeforeUsd: p.netBeforeUsd.toNumber(),
    netAfterUsd: p.netAfterUsd.toNumber(),
    moves: p.moves.length,
    done: p.moves.filter((m) => m.status === "succeeded" || m.status === "skipped").length,
    failed: p.moves.filter((m) => m.status === "failed").length,
    proposal: p.proposal,
  }));
}

export interface PlanMoveView {
  id: string;
  position: number;
  phase: number;
  vmid: number;
  guestType: string;
  guestName: string;
  sourceClusterId: string;
  sourceName: string;
  targetClusterId: string;
  targetName: string;
  targetVmid: number | null;
  gainMonthlyUsd: number;
  reason: MoveReason;
  status: PlacementMoveStatus;
  upid: string | null;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface PlanDetail {
  id: string;
  status: PlacementPlanStatus;
  solver: string;
  objective: number;
  gap: number | null;
  netBeforeUsd: number;
  netAfterUsd: number;
  createdAt: Date;
  createdBy: string;
  moves: PlanMoveView[];
  /** Cluster names by id, for the reasons' ruled-out clusters. */
  clusterNames: Record<string, string>;
  proposal: {
    id: string;
    title: string;
    status: string;
    closesAt: Date;
    phases: { position: number; name: string; startsAt: Date; completedAt: Date | null }[];
  } | null;
}

export async function getPlan(id: string): Promise<PlanDetail | null> {
  const plan = await db.placementPlan.findUnique({
    where: { id },
    include: {
      createdBy: { select: { name: true } },
      moves: { orderBy: [{ phase: "asc" }, { position: "asc" }] },
      proposal: {
        select: {
          id: true,
          title: true,
          status: true,
          closesAt: true,
          phases: {
            orderBy: { position: "asc" },
            select: { position: true, name: true, startsAt: true, completedAt: true },
          },
        },
      },
    },
  });
  if (!plan) return null;
  const moves = plan.moves.map((m) => ({
    id: m.id,
    position: m.position,
    phase: m.phase,
    vmid: m.vmid,
    guestType: m.guestType,
    guestName: m.guestName,
    sourceClusterId: m.sourceClusterId,
    sourceName: m.sourceName,
    targetClusterId: m.targetClusterId,
    targetName: m.targetName,
    targetVmid: m.targetVmid,
    gainMonthlyUsd: m.gainMonthlyUsd.toNumber(),
    reason: readMoveReason(m.reason),
    status: m.status,
    upid: m.upid,
    error: m.error,
    startedAt: m.startedAt,
    finishedAt: m.finishedAt,
  }));
  const ruledOutIds = [...new Set(moves.flatMap((m) => m.reason.ruledOut.map((r) => r.clusterId)))].filter((cid) =>
    /^[0-9a-f-]{36}$/i.test(cid),
  );
  const clusters =
    ruledOutIds.length > 0
      ? await db.cluster.findMany({ where: { id: { in: ruledOutIds } }, select: { id: true, name: true } })
      : [];
  const clusterNames: Record<string, string> = Object.fromEntries(clusters.map((c) => [c.id, c.name]));
  for (const m of moves) {
    clusterNames[m.sourceClusterId] ??= m.sourceName;
    clusterNames[m.targetClusterId] ??= m.targetName;
  }
  return {
    id: plan.id,
    status: plan.status,
    solver: plan.solver,
    objective: plan.objective,
    gap: plan.gap,
    netBeforeUsd: plan.netBeforeUsd.toNumber(),
    netAfterUsd: plan.netAfterUsd.toNumber(),
    createdAt: plan.createdAt,
    createdBy: plan.createdBy.name,
    moves,
    clusterNames,
    proposal: plan.proposal,
  };
}
