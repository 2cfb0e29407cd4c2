// `npm run worker`: runs the background jobs (federation sync, history downsampling, and every
// other area's jobs) against the configured database until stopped. Run as many as you like.
import { onShutdown } from "./lib/shutdown";

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    // A worker on a private embedded database would sync into a store no console reads.
    console.error("DATABASE_URL is not set: a worker needs the console's database (see .env.example)");
    process.exit(2);
  }
  const { startWorker } = await import("@/lib/composition/worker");
  const { db } = await import("@/lib/db");
  const worker = await startWorker();
  onShutdown(async () => {
    console.log("[worker] stopping: letting running jobs finish");
    await worker.stop();
    await db.$disconnect();
  });
  console.log("[worker] running; Ctrl-C to stop");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
