// An optional V8 CPU profile of part of a benchmark, written where the caller says.
import inspector from "node:inspector/promises";
import { writeFile } from "node:fs/promises";

/**
 * With BENCH_PROFILE=<file>, a V8 CPU profile of the measured federation rounds only (not the
 * warm-up), for Chrome's DevTools or any .cpuprofile reader.
 */
export async function startProfile(file: string | undefined): Promise<{ stop(): Promise<void> }> {
  if (!file) return { stop: async () => undefined };
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    stop: async () => {
      const { profile } = await session.post("Profiler.stop");
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`CPU profile of the federation rounds written to ${file}`);
    },
  };
}
