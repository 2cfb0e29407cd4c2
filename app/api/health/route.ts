import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability for load balancers and the demo script. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database unreachable" }, { status: 503 });
  }
}
