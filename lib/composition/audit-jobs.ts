// The audit trail's job: every few minutes, sign the chain's head (lib/audit/checkpoints.ts).
// It lives here rather than in lib/audit because lib/audit sits below lib/jobs.
import { auditSigningKey, writeCheckpoint } from "@/lib/audit/checkpoints";
import { db } from "@/lib/db";
import type { RegisterJobs } from "@/lib/jobs/boss";

export const AUDIT_CHECKPOINT_JOB = "audit.checkpoint";

export async function runAuditCheckpoint(now = new Date()): Promise<void> {
  const key = auditSigningKey();
  if (!key) return;
  const written = await writeCheckpoint(db, key, now);
  if (written) console.log(`[jobs] ${AUDIT_CHECKPOINT_JOB}: signed event #${written.seq}`);
}

export const registerAuditJobs: RegisterJobs = async (boss) => {
  if (!auditSigningKey()) {
    console.warn(
      `[jobs] ${AUDIT_CHECKPOINT_JOB}: AUDIT_SIGNING_KEY is not set, so audit checkpoints are OFF: ` +
        "cutting off the newest audit events would go unnoticed. See .env.example.",
    );
    return async () => {};
  }
  await boss.createQueue(AUDIT_CHECKPOINT_JOB, { name: AUDIT_CHECKPOINT_JOB, retryLimit: 0 });
  await boss.work(AUDIT_CHECKPOINT_JOB, async () => {
    await runAuditCheckpoint();
  });
  await boss.schedule(AUDIT_CHECKPOINT_JOB, "*/5 * * * *");
  // A checkpoint at start, so a fresh install has one before the first five minutes are up.
  await boss.send(AUDIT_CHECKPOINT_JOB, {});
  return async () => {};
};
