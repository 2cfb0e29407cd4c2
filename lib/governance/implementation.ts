// Progress on implementing a proposal, reported by the area that carries it out (a voted placement
// plan's job): phases checked off as their work ends, the proposal done after the last. Under the
// proposal's row lock, in the caller's transaction; each change happens and is audited once
// however many workers report it.
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { SYSTEM_ACTOR } from "./close";
import { lockProposal } from "./locks";

export interface ImplementationProgress {
  /** Phases whose work has ended (already checked-off ones are left as they are). */
  settledPhases: ReadonlyArray<{ id: string; name: string }>;
  /** All the proposal's work has ended: it is done. */
  done: boolean;
  /** Added to each audit event: what carried the work out. */
  source: Record<string, unknown>;
  now: Date;
}

export async function recordImplementationProgress(
  tx: Tx,
  proposalId: string,
  progress: ImplementationProgress,
): Promise<void> {
  await lockProposal(tx, proposalId);
  for (const phase of progress.settledPhases) {
    const { count } = await tx.proposalPhase.updateMany({
      where: { id: phase.id, proposalId, completedAt: null },
      data: { completedAt: progress.now },
    });
    if (count > 0)
      await recordAudit(tx, {
        action: "governance.phase-completed",
        actor: SYSTEM_ACTOR,
        targetType: "proposal",
        targetId: proposalId,
        payload: { phase: phase.name, ...progress.source },
      });
  }
  if (!progress.done) return;
  const { count } = await tx.proposal.updateMany({
    where: { id: proposalId, status: "implementing" },
    data: { status: "done", doneAt: progress.now },
  });
  if (count > 0)
    await recordAudit(tx, {
      action: "governance.proposal-done",
      actor: SYSTEM_ACTOR,
      targetType: "proposal",
      targetId: proposalId,
      payload: { ...progress.source },
    });
}
