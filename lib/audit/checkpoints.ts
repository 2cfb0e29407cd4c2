// Writing and reading the audit chain's signed checkpoints. The job (lib/composition/jobs.ts)
// calls writeCheckpoint every few minutes; the audit page and `npm run audit:verify` check them.
import type { KeyObject } from "node:crypto";
import type { Db } from "@/lib/db";
import { env, parseSigningKey } from "@/lib/env";
import { publicKeyBase64, signCheckpoint, toExport, type Checkpoint, type CheckpointExport } from "./checkpoint";
import { CHAIN_LOCK_KEY } from "./record";

/** The key of AUDIT_SIGNING_KEY, or null when checkpoints are off. */
export function auditSigningKey(): KeyObject | null {
  const value = env().AUDIT_SIGNING_KEY;
  return value ? parseSigningKey(value) : null;
}

const checkpointSelect = { seq: true, hash: true, at: true, keyId: true, signature: true } as const;

/**
 * Signs the chain's current head, unless the last checkpoint already covers it. Holds the chain's
 * append lock while it reads the head, so the head it signs is the newest committed event.
 */
export async function writeCheckpoint(db: Db, key: KeyObject, now = new Date()): Promise<Checkpoint | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
    const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    if (!head) return null;
    const last = await tx.auditCheckpoint.findFirst({ orderBy: { id: "desc" }, select: { seq: true, hash: true } });
    if (last && last.seq === head.seq && last.hash === head.hash) return null;
    const checkpoint = signCheckpoint(key, head, now);
    await tx.auditCheckpoint.create({ data: checkpoint, select: { id: true } });
    return checkpoint;
  });
}

export function listCheckpoints(db: Db): Promise<Checkpoint[]> {
  return db.auditCheckpoint.findMany({ orderBy: { id: "asc" }, select: checkpointSelect });
}

export function latestCheckpoint(db: Db): Promise<Checkpoint | null> {
  return db.auditCheckpoint.findFirst({ orderBy: { id: "desc" }, select: checkpointSelect });
}

/** Every checkpoint with the public key that checks them: the download of the audit page. */
export async function exportCheckpoints(db: Db): Promise<CheckpointExport> {
  const key = auditSigningKey();
  return toExport(await listCheckpoints(db), key ? publicKeyBase64(key) : null);
}
