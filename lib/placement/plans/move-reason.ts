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

// mutations.ts stores the sentence as `text` (StoredMoveReason); `reason` is the engine's own name.
const moveReasonSchema = z.object({
  text: z.string().nullable().catch(null),
  reason: z.string().nullable().catch(null),
  forced: z.boolean().catch(false),
  from: breakdownSchema.nullable().catch(null),
  to: breakdownSchema.nullable().catch(null),
  ruledOut: z.array(rejectionSchema).catch([]),
});

export type MoveBreakdown = z.output<typeof breakdownSchema>;
export type MoveRejection = z.output<typeof rejectionSchema>;

export interface MoveReason {
  /** One sentence: why this cluster. */
  text: string | null;
  /** The guest had to move (its cluster can no longer host it), whatever the gain. */
  forced: boolean;
  from: MoveBreakdown | null;
  to: MoveBreakdown | null;
  ruledOut: MoveRejection[];
}

export function readMoveReason(json: unknown): MoveReason {
  const parsed = moveReasonSchema.safeParse(typeof json === "object" && json !== null ? json : {});
  if (!parsed.success) return { text: null, forced: false, from: null, to: null, ruledOut: [] };
  const { text, reason, forced, from, to, ruledOut } = parsed.data;
  return { text: text ?? reason, forced, from, to, ruledOut };
}
