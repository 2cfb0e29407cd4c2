// Governance's background jobs, registered by the composition root (lib/composition/jobs.ts)
// with every other area's.
import type { RegisterJobs } from "@/lib/jobs/boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mailConfigured, sendMail } from "@/lib/mail";
import { closeDueProposals } from "./close";

export const CLOSE_DUE_JOB = "governance.close-due";
export const NOTIFY_OPENED_JOB = "governance.notify-opened";

/** The close-due handler: closes every due proposal, whichever one the job was sent for. */
export async function runCloseDue(now = new Date()) {
  const closed = await closeDueProposals(now);
  if (closed.length > 0)
    console.log(`[jobs] ${CLOSE_DUE_JOB}: closed ${closed.map((c) => `${c.id} (${c.status})`).join(", ")}`);
  return closed;
}

/** Emails every eligible voter that a vote is open. Best effort: a failed send is not retried. */
export async function runNotifyOpened(proposalId: string): Promise<number> {
  if (!mailConfigured()) return 0;
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      title: true,
      status: true,
      closesAt: true,
      voters: { select: { user: { select: { email: true, disabledAt: true } } } },
    },
  });
  if (!proposal || proposal.status !== "open") return 0;
  const link = `${env().APP_URL}/governance/${proposalId}`;
  let sent = 0;
  for (const { user } of proposal.voters) {
    if (user.disabledAt) continue;
    const ok = await sendMail(
      user.email,
      `Vote open: ${proposal.title}`,
      `A vote is open until ${proposal.closesAt.toISOString()} (UTC):\n\n${proposal.title}\n\nVote here: ${link}\n`,
    );
    if (ok) sent++;
  }
  return sent;
}

export const registerGovernanceJobs: RegisterJobs = async (boss) => {
  await boss.createQueue(CLOSE_DUE_JOB);
  await boss.createQueue(NOTIFY_OPENED_JOB, { name: NOTIFY_OPENED_JOB, retryLimit: 0 });
  await boss.work(CLOSE_DUE_JOB, async () => {
    await runCloseDue();
  });
  await boss.work<{ proposalId?: unknown }>(NOTIFY_OPENED_JOB, async (jobs) => {
    for (const job of jobs) if (typeof job.data.proposalId === "string") await runNotifyOpened(job.data.proposalId);
  });
  // The safety net: even if a send with startAfter was lost, nothing stays open past a minute.
  await boss.schedule(CLOSE_DUE_JOB, "* * * * *");
  // pg-boss stops the workers and the schedule stays (it is shared by every worker): nothing else to stop.
  return async () => {};
};
