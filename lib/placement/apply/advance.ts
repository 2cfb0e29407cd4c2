// One step of applying a plan, run by its advance job: settle the moves whose tasks have ended,
// then — when the whole plan is being applied (Apply all, or its vote's implementation) — start
// the next pending move, one at a time, phase after phase. A failed move stops the plan until
// someone retries or skips it. Returns when to look again (null: nothing left to watch).
import { ActionError } from "@/lib/actions/result";
import { recordImplementationProgress } from "@/lib/governance/implementation";
import { db } from "@/lib/db";
import { settleMove, startMove } from "./apply";
import { movesOfPhase, phaseSettled } from "./move-state";

export const SYSTEM_ACTOR = { id: null, label: "system" } as const;
/** How often a running task is looked at again. */
export const FOLLOW_EVERY_MS = 2_000;

export interface AdvanceResult {
  again: Date | null;
  started: string | null;
}

async function loadPlan(planId: string) {
  return db.placementPlan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      status: true,
      moves: {
        select: { id: true, status: true, phase: true, position: true },
        orderBy: [{ phase: "asc" }, { position: "asc" }],
      },
      proposal: {
        select: {
          id: true,
          status: true,
          phases: {
            orderBy: { position: "asc" },
            select: { id: true, position: true, name: true, startsAt: true, completedAt: true },
          },
        },
      },
    },
  });
}

type Plan = NonNullable<Awaited<ReturnType<typeof loadPlan>>>;

/** Checks off the vote's phases whose moves are all done; marks the proposal done after the last. */
async function trackPhases(plan: Plan, now: Date): Promise<void> {
  const proposal = plan.proposal;
  if (!proposal || proposal.status !== "implementing") return;
  const settledPhases = proposal.phases.filter(
    (phase) => !phase.completedAt && phaseSettled(movesOfPhase(plan.moves, phase.position)),
  );
  const done =
    plan.moves.length > 0 &&
    phaseSettled(plan.moves) &&
    proposal.phases.every((p) => p.completedAt || phaseSettled(movesOfPhase(plan.moves, p.position)));
  await db.$transaction((tx) =>
    recordImplementationProgress(tx, proposal.id, { settledPhases, done, source: { placementPlan: plan.id }, now }),
  );
}

export async function advancePlan(planId: string, opts: { all: boolean; now?: () => Date }): Promise<AdvanceResult> {
  const now = opts.now ?? (() => new Date());
  const soon = () => new Date(now().getTime() + FOLLOW_EVERY_MS);
  const before = await loadPlan(planId);
  if (!before) return { again: null, started: null };
  for (const move of before.moves) if (move.status === "running") await settleMove(move.id, SYSTEM_ACTOR);

  const plan = await loadPlan(planId);
  if (!plan || plan.status === "superseded") return { again: null, started: null };
  const voted = plan.proposal?.status === "implementing";
  const running = plan.moves.some((m) => m.status === "running");
  if (running) return { again: soon(), started: null };
  if (!opts.all && !voted) return { again: null, started: null };
  // A vote that has not reached implementation (or was rejected) applies nothing.
  if (plan.proposal && !voted) return { again: null, started: null };
  if (plan.moves.some((m) => m.status === "failed")) return { again: null, started: null };
  await trackPhases(plan, now());

  const next = plan.moves.find((m) => m.status === "pending");
  if (!next) return { again: null, started: null };
  const phase = plan.proposal?.phases.find((p) => p.position === next.phase - 1);
  if (phase && phase.startsAt > now()) return { again: phase.startsAt, started: null };
  try {
    await startMove(next.id, SYSTEM_ACTOR, { byVote: voted });
  } catch (error) {
    // The move is failed with the reason (or was taken by someone else): the plan says so.
    if (error instanceof ActionError) return { again: null, started: null };
    throw error;
  }
  return { again: soon(), started: next.id };
}

/** Plans with work the queue may have lost: a running move, or a vote being implemented. */
export async function plansToAdvance(): Promise<{ planId: string; all: boolean }[]> {
  const rows = await db.placementPlan.findMany({
    where: {
      status: { notIn: ["superseded", "applied"] },
      OR: [{ moves: { some: { status: "running" } } }, { proposal: { status: "implementing" } }],
    },
    select: { id: true, proposal: { select: { status: true } } },
  });
  return rows.map((r) => ({ planId: r.id, all: r.proposal?.status === "implementing" }));
}
