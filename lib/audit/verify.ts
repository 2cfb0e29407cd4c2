import type { Tx } from "@/lib/db";
import { findBreak, GENESIS_HASH, type ChainBreak, type StoredEvent } from "./chain";

export type VerifyResult = { ok: true; checked: number } | { ok: false; checked: number; broken: ChainBreak };

const BATCH = 2_000;

/** Walks the whole chain in `seq` order, a batch at a time, and reports the first break. */
export async function verifyAuditChain(db: Tx): Promise<VerifyResult> {
  let previousHash = GENESIS_HASH;
  let after: bigint | null = null;
  let checked = 0;
  for (;;) {
    const batch: StoredEvent[] = await db.auditEvent.findMany({
      where: after === null ? {} : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) return { ok: true, checked };
    const broken = findBreak(batch, previousHash);
    if (broken) return { ok: false, checked: checked + batch.findIndex((e) => e.seq === broken.seq), broken };
    checked += batch.length;
    const last = batch[batch.length - 1]!;
    previousHash = last.hash;
    after = last.seq;
  }
}
