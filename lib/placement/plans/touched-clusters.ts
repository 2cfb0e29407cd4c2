// The clusters a move or a plan acts on, for the cluster-scope check of the actions that apply
// them (lib/auth/cluster-scope.ts): a move takes a guest off its source and onto its target, so
// both count. An unknown id touches nothing here; the action itself then answers "not found".
import type { Tx } from "@/lib/db";

export async function moveClusters(tx: Tx, moveId: string): Promise<string[]> {
  const move = await tx.placementMove.findUnique({
    where: { id: moveId },
    select: { sourceClusterId: true, targetClusterId: true },
  });
  return move ? [move.sourceClusterId, move.targetClusterId] : [];
}

/** Every cluster any of the plan's moves leaves or reaches, applied or not. */
export async function planClusters(tx: Tx, planId: string): Promise<string[]> {
  const moves = await tx.placementMove.findMany({
    where: { planId },
    select: { sourceClusterId: true, targetClusterId: true },
  });
  return [...new Set(moves.flatMap((m) => [m.sourceClusterId, m.targetClusterId]))];
}
