import type { Tx } from "@/lib/db";
import { GENESIS_HASH, hashEvent, redact, type ChainedContent } from "./chain";

export interface AuditInput {
  action: string;
  actor: { id: string; label: string } | { id: null; label: string };
  targetType?: string;
  targetId?: string;
  payload?: Record<string, unknown>;
}

// One arbitrary, fixed key for the advisory lock that serialises appends to the chain.
export const CHAIN_LOCK_KEY = 7_355_608;

/**
 * Appends an event inside the caller's transaction, so the event exists if and only if the change
 * it describes does. The transaction-scoped advisory lock makes concurrent writers take turns:
 * each reads the head only after the previous writer has committed. (`prevHash` is also unique,
 * so even a writer that skipped the lock could not fork the chain.)
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
  const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const content: ChainedContent = {
    at: new Date(),
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    payload: redact(input.payload ?? {}),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  await tx.auditEvent.create({
    data: { ...content, payload: content.payload as object, hash: hashEvent(content) },
  });
}
