import type { KeyObject } from "node:crypto";
import type { Tx } from "@/lib/db";
import { findBreak, GENESIS_HASH, type ChainBreak, type StoredEvent } from "./chain";
import {
  compareWithCheckpoints,
  findingFails,
  wantedSeqs,
  type Checkpoint,
  type CheckpointFinding,
} from "./checkpoint";

export type VerifyResult =
  | { ok: true; checked: number; checkpoints: CheckpointFinding }
  | { ok: false; checked: number; broken: ChainBreak | null; checkpoints: CheckpointFinding };

export interface VerifyOptions {
  /** Checks the checkpoints' signatures; without it, checkpoints are reported as unverifiable. */
  publicKey?: KeyObject | null;
  /** Checkpoints to hold the chain against (an exported copy); default: those in the database. */
  checkpoints?: readonly Checkpoint[];
}

const BATCH = 2_000;

/**
 * Walks the whole chain in `seq` order, a batch at a time, and reports the first break; then holds
 * the chain against its signed checkpoints, which catches what the links alone cannot: the newest
 * events cut off, or the chain rewritten and re-hashed from some event on.
 */
export async function verifyAuditChain(db: Tx, options: VerifyOptions = {}): Promise<VerifyResult> {
  const checkpoints =
    options.checkpoints ??
    (await db.auditCheckpoint.findMany({
      orderBy: { id: "asc" },
      select: { seq: true, hash: true, at: true, keyId: true, signature: true },
    }));
  const wanted = wantedSeqs(checkpoints);
  const lastCheckpointSeq = checkpoints.reduce<bigint | null>(
    (max, c) => (max === null || c.seq > max ? c.seq : max),
    null,
  );
  const hashes = new Map<bigint, string>();
  let uncovered = 0;
  let head: StoredEvent | null = null;

  let previousHash = GENESIS_HASH;
  let checked = 0;
  let broken: ChainBreak | null = null;
  for (;;) {
    const batch: StoredEvent[] = await db.auditEvent.findMany({
      where: head === null ? {} : { seq: { gt: head.seq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) break;
    for (const event of batch) {
      if (wanted.has(event.seq)) hashes.set(event.seq, event.hash);
      if (lastCheckpointSeq !== null && event.seq > lastCheckpointSeq) uncovered++;
    }
    if (!broken) {
      broken = findBreak(batch, previousHash);
      checked += broken ? batch.findIndex((e) => e.seq === broken!.seq) : batch.length;
    }
    head = batch[batch.length - 1]!;
    previousHash = head.hash;
  }

  const finding = compareWithCheckpoints(checkpoints, hashes, head, options.publicKey ?? null, () => uncovered);
  if (broken || findingFails(finding)) return { ok: false, checked, broken, checkpoints: finding };
  return { ok: true, checked, checkpoints: finding };
}
