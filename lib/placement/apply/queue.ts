// What applying plans asks of the job queue: one "advance" job per plan that settles its running
// moves and, when the plan is being applied whole (Apply all, or its vote's implementation),
// starts the next move. The queue is stately per plan and mode, so however often it is asked, a
// plan has at most one such job waiting and one running. Best effort: the every-minute sweep
// (jobs.ts) queues whatever a lost send left behind.
import { getBoss } from "@/lib/jobs/boss";

export const ADVANCE_QUEUE = "placement.advance";
export const SWEEP_QUEUE = "placement.sweep";

export interface AdvanceJobData {
  planId: string;
  /** Apply every pending move in turn (Apply all); otherwise follow running moves only. */
  all: boolean;
}

export function isAdvanceJobData(data: unknown): data is AdvanceJobData {
  return (
    typeof data === "object" &&
    data !== null &&
    "planId" in data &&
    typeof data.planId === "string" &&
    "all" in data &&
    typeof data.all === "boolean"
  );
}

let queueReady: Promise<void> | undefined;

export async function ensureAdvanceQueue(): Promise<void> {
  const boss = await getBoss();
  queueReady ??= boss.createQueue(ADVANCE_QUEUE, { name: ADVANCE_QUEUE, policy: "stately", retryLimit: 1 });
  await queueReady.catch((error: unknown) => {
    queueReady = undefined;
    throw error;
  });
}

/** Queues the plan's advance job; returns false when it could not be queued (logged). */
export async function queueAdvance(data: AdvanceJobData, startAfter: Date | number = 0): Promise<boolean> {
  try {
    await ensureAdvanceQueue();
    const boss = await getBoss();
    await boss.send(
      ADVANCE_QUEUE,
      { ...data },
      { singletonKey: `${data.planId}:${data.all ? "all" : "follow"}`, startAfter, expireInSeconds: 900 },
    );
    return true;
  } catch (error) {
    console.error(
      `[placement] could not queue plan ${data.planId}:`,
      error instanceof Error ? error.message : "unknown error",
    );
    return false;
  }
}
