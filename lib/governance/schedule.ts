// What opening a vote asks of the job queue. Best effort on purpose: the every-minute close-due
// schedule closes a vote even if this send is lost, so a queue hiccup must not block opening.
import { getBoss } from "@/lib/jobs/boss";
import { CLOSE_DUE_JOB, NOTIFY_OPENED_JOB } from "./jobs";

let queuesReady: Promise<void> | undefined;

export async function scheduleVotingJobs(proposalId: string, closesAt: Date): Promise<void> {
  try {
    const boss = await getBoss();
    // pg-boss 10 silently drops a job sent to a queue that does not exist yet (the worker may
    // never have run); creating a queue is idempotent.
    // One after the other: each creation attaches a partition to pgboss.job, and two at once can deadlock.
    queuesReady ??= boss
      .createQueue(CLOSE_DUE_JOB)
      .then(() => boss.createQueue(NOTIFY_OPENED_JOB, { name: NOTIFY_OPENED_JOB, retryLimit: 0 }));
    await queuesReady.catch((error: unknown) => {
      queuesReady = undefined;
      throw error;
    });
    await boss.send(CLOSE_DUE_JOB, { proposalId }, { startAfter: closesAt });
    await boss.send(NOTIFY_OPENED_JOB, { proposalId });
  } catch (error) {
    console.error(
      `[governance] could not queue the jobs of proposal ${proposalId}:`,
      error instanceof Error ? error.message : "unknown error",
    );
  }
}
