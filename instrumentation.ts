// Next calls register() once per server instance before it serves a request. Server actions close,
// cancel and implement proposals, so the areas that follow a proposal subscribe here. Node only:
// the subscribers use the database and the job queue, which the edge runtime cannot load.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: a production server refuses the example secrets before anything else starts.
  const { checkEnvironmentOrExit } = await import("@/lib/composition/startup");
  checkEnvironmentOrExit();
  const { registerSubscribers } = await import("@/lib/composition/subscribers");
  registerSubscribers();
}
