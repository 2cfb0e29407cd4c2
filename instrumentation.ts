// Next calls register() once per server instance before it serves a request. Server actions close,
// cancel and implement proposals, so the areas that follow a proposal subscribe here. Node only:
// the subscribers use the database and the job queue, which the edge runtime cannot load.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A production server with the example secrets (or malformed ones) must not start at all: say
  // why on one line and exit, rather than failing on the first request.
  const { env } = await import("@/lib/env");
  try {
    env();
  } catch (error) {
    if (process.env.NODE_ENV !== "production") throw error;
    console.error(`[sovereign] ${error instanceof Error ? error.message.replaceAll("\n", " ") : String(error)}`);
    process.exit(1);
  }
  const { registerSubscribers } = await import("@/lib/composition/subscribers");
  registerSubscribers();
}
