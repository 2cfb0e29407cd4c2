// The one pg-boss instance of a process, on the same Postgres as everything else, started on
// first use. pg-boss keeps its tables in its own schema ("pgboss"), outside Prisma's migrations.
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

const globalForBoss = globalThis as unknown as { sovereignBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  globalForBoss.sovereignBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, max: 4, application_name: "sovereign-jobs" });
    // pg-boss reports maintenance and polling failures as events; an unhandled "error" event
    // would crash the process, so log it (the message only: connection strings stay out).
    boss.on("error", (error: Error) => console.error(`[jobs] ${error.name}: ${error.message}`));
    await boss.start();
    return boss;
  })();
  return globalForBoss.sovereignBoss;
}

/** Stops the instance if one was started, letting running jobs finish (up to `timeoutMs`). */
export async function stopBoss(timeoutMs = 20_000): Promise<void> {
  const started = globalForBoss.sovereignBoss;
  if (!started) return;
  globalForBoss.sovereignBoss = undefined;
  const boss = await started;
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

/** What an area's `register` returns: stops whatever it started besides pg-boss workers. */
export type StopArea = () => Promise<void>;

/** Each area (sync, governance, health…) registers its queues, workers and schedules here. */
export type RegisterJobs = (boss: PgBoss) => Promise<StopArea>;
