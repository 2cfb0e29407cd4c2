"use server";
// Applying placement plans as server actions: public POST endpoints, so each goes through
// serverAction (validate → session → permission placement.apply → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import { applyAllMoves, applyMove, proposePlan, settleMoveStep, skipPlanMove } from "./mutations";

export const applyMoveAction = serverAction(applyMove);
export const settleMoveAction = serverAction(settleMoveStep);
export const skipMoveAction = serverAction(skipPlanMove);
export const applyAllMovesAction = serverAction(applyAllMoves);
export const proposePlanAction = serverAction(proposePlan);
