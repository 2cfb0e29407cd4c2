// Placement's background jobs (registered in lib/composition/jobs.ts): the advance job that applies and
// follows a plan's moves, and an every-minute sweep that re-queues plans whose job was lost.
import type { RegisterJobs } from "@/lib/jobs/boss";
import { advancePlan, plansToAdvance } from "./advance";
import {
  ADVANCE_QUEUE,
  SWEEP_QUEUE,
  ensureAdvanceQueue,
  isAdvanceJobData,
  queueAdvance,
  type AdvanceJobData,
} from "./queue";

/** The advance job's body: one step, then the next job if there is more to watch. */
export async function runAdvance(data: AdvanceJobData): Promise<void> {
  const { again } = await advancePlan(data.planId, { all: data.all });
  if (again) await queueAdvance(data, again);
}

export async function runSweep(): Promise<number> {
  const plans = await plansToAdvance();
  for (const plan of plans) await queueAdvance(plan);
  return plans.length;
}

export const registerPlacementJobs: RegisterJobs = async (boss) => {
  await ensureAdvanceQueue();
  await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "singleton", retryLimit: 0 });
  await boss.work<unknown>(ADVANCE_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) if (isAdvanceJobData(job.data)) await runAdvance(job.data);
  });
  await boss.work(SWEEP_QUEUE, async () => {
    await runSweep();
  });
  await boss.schedule(SWEEP_QUEUE, "* * * * *");
  return async () => {};
};
