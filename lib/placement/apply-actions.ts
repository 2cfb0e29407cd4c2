"use server";
// Applying placement plans as server actions: public POST endpoints, so each goes through
// defineAction (validate → session → permission placement.apply → run → audit).
import { defineAction } from "@/lib/actions/define-action";
import { applyAllMoves, applyMove, proposePlan, settleMoveStep, skipPlanMove } from "./apply-mutations";

export const applyMoveAction = defineAction(applyMove);
export const settleMoveAction = defineAction(settleMoveStep);
export const skipMoveAction = defineAction(skipPlanMove);
export const applyAllMovesAction = defineAction(applyAllMoves);
export const proposePlanAction = defineAction(proposePlan);
