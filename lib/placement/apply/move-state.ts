// What a plan's status is, given its moves: pure, so the rules read in one place.
import type { PlacementMoveStatus, PlacementPlanStatus } from "@/generated/prisma/enums";

/**
 * A running move makes the plan "applying"; a failed one, "failed" (the rest waits for someone
 * to retry or skip it); every move succeeded or skipped, "applied"; some done and some pending,
 * "applying" (applied move by move). Untouched plans keep their status (draft, proposed), and
 * nothing revives a superseded plan.
 */
export function planStatusFor(
  current: PlacementPlanStatus,
  moves: ReadonlyArray<{ status: PlacementMoveStatus }>,
): PlacementPlanStatus {
  if (current === "superseded") return current;
  if (moves.some((m) => m.status === "running")) return "applying";
  if (moves.some((m) => m.status === "failed")) return "failed";
  if (moves.length > 0 && moves.every((m) => m.status === "succeeded" || m.status === "skipped")) return "applied";
  if (moves.some((m) => m.status !== "pending")) return "applying";
  return current;
}

/** The moves one phase of a voted plan applies: phase n is ProposalPhase position n − 1. */
export function movesOfPhase<T extends { phase: number }>(moves: readonly T[], position: number): T[] {
  return moves.filter((m) => m.phase === position + 1);
}

/** A phase is complete once none of its moves is pending, running or failed. */
export function phaseSettled(moves: ReadonlyArray<{ status: PlacementMoveStatus }>): boolean {
  return moves.every((m) => m.status === "succeeded" || m.status === "skipped");
}

/** Splits moves, in order, into phases of at most `size`; returns each move's 1-based phase. */
export function phaseNumbers(count: number, size: number): number[] {
  const per = Math.max(1, Math.floor(size));
  return Array.from({ length: count }, (_, i) => Math.floor(i / per) + 1);
}
