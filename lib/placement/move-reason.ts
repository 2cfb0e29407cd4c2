// Reads PlacementMove.reason (the engine's Move, stored as JSON when the plan was saved) back
// leniently: a plan saved by an older engine still reads, with what it has.
import { z } from "zod";

const breakdownSchema = z.object({
  revenueUsd: z.number().catch(0),
  powerCostUsd: z.number().catch(0),
  netUsd: z.number().catch(0),
  revenueSource: z.string().catch("none"),
  headroomScore: z.number().optional().catch(undefined),
  tierScore: z.number().optional().catch(undefined),
  healthScore: z.number().optional().catch(undefined),
  total: z.number().optional().catch(undefined),
});

const rejectionSchema = z.object({
  clusterId: z.string().catch(""),
  reasons: z.array(z.string()).catch([]),
  detail: z.string().catch(""),
});

const moveReasonSchema = z.object({
  reason: z.string().nullable().catch(null),
  from: breakdownSchema.nullable().catch(null),
  to: breakdownSchema.nullable().catch(null),
  ruledOut: z.array(rejectionSchema).catch([]),
});

export type MoveBreakdown = z.output<typeof breakdownSchema>;
export type MoveReason = z.output<typeof moveReasonSchema>;

export function readMoveReason(json: unknown): MoveReason {
  const parsed = moveReasonSchema.safeParse(typeof json === "object" && json !== null ? json : {});
  return parsed.success ? parsed.data : { reason: null, from: null, to: null, ruledOut: [] };
}
