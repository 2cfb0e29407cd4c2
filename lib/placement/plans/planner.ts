// The planner page's one read: the federation under the URL's what-if, solved. Reads Postgres
// only; the engine is pure and runs on the server's solver thread on every request (a plan is a dry run,
// so nothing is written until someone saves it).
import "server-only";
import { solvePlacementOffThread } from "@/lib/placement/solver/off-thread";
import { loadPlacementInput, type PlacementContext } from "./load";
import { buildPlannerView, type PlannerView } from "./view";
import type { WhatIf } from "./what-if";

export interface Planner {
  context: PlacementContext;
  /** null when there are no workloads to place. */
  view: PlannerView | null;
}

export async function getPlanner(whatIf: WhatIf): Promise<Planner> {
  const { input, context } = await loadPlacementInput({ whatIf });
  if (input.workloads.length === 0) return { context, view: null };
  const plan = await solvePlacementOffThread(input);
  return { context, view: buildPlannerView(plan, context) };
}
