"use server";
// The planner's "Save plan": a public POST endpoint like every server action, so it goes through
// serverAction (validate → session → placement.plan → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import { savePlan } from "./mutations";

export const savePlanAction = serverAction(savePlan);
