// Starts every area's background jobs in this process: `npm run worker` does it standalone, the
// demo in-process. Any number of workers may run at once; pg-boss gives each job to one of them.
import { getBoss, stopBoss, type RegisterJobs, type StopArea } from "@/lib/jobs/boss";
import { JOB_AREAS } from "./jobs";
import { registerSubscribers } from "./subscribers";

export interface RunningWorker {
  stop(): Promise<void>;
}

export async function startWorker(
  areas: ReadonlyArray<{ name: string; register: RegisterJobs }> = JOB_AREAS,
): Promise<RunningWorker> {
  // Jobs close and implement proposals: what follows a proposal must be listening first.
  registerSubscribers();
  const boss = await getBoss();
  const stops: StopArea[] = [];
  for (const area of areas) {
    stops.push(await area.register(boss));
    console.log(`[worker] ${area.name} jobs registered`);
  }
  return {
    async stop() {
      // Areas first (no new jobs are queued), then pg-boss waits for running ones.
      for (const stop of stops.reverse()) await stop();
      await stopBoss();
    },
  };
}
