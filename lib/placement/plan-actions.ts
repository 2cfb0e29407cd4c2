"use server";
// The planner's "Save plan": a public POST endpoint like every server action, so it goes through
// defineAction (validate → session → placement.plan → run → audit).
import { defineAction } from "@/lib/actions/define-action";
import { savePlan } from "./plans";

export const savePlanAction = defineAction(savePlan);
