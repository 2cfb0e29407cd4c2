// Checks run once when a server starts (instrumentation.ts). A production server with the example
// secrets (or malformed settings) must not start at all: it says why on one line and exits,
// rather than failing on the first request. In development the first request shows the error.
import { env } from "@/lib/env";

export function checkEnvironmentOrExit(): void {
  if (process.env.NODE_ENV !== "production") return;
  try {
    env();
  } catch (error) {
    console.error(`[sovereign] ${error instanceof Error ? error.message.replaceAll("\n", " ") : String(error)}`);
    process.exit(1);
  }
}
