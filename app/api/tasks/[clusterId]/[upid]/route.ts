// GET: a guest action's task progress for the browser that started it. Read-only; permission as
// for starting the task. Pages read Postgres; only this follow-up reads Proxmox, and briefly.
import { NextResponse } from "next/server";
import { z } from "zod";
import { guardClusters, guardRoute } from "@/lib/actions/route-guard";
import { readTaskState } from "@/lib/guest-actions/task-status";

export const dynamic = "force-dynamic";

const params = z.object({ clusterId: z.uuid(), upid: z.string().min(10).max(300) });

export async function GET(
  _request: Request,
  context: { params: Promise<{ clusterId: string; upid: string }> },
): Promise<NextResponse> {
  const guard = await guardRoute("tasks.read", "guests.act");
  if (!guard.ok) return guard.response;
  const parsed = params.safeParse(await context.params);
  if (!parsed.success) return NextResponse.json({ message: "Not a task." }, { status: 400 });
  // Following a task reads its cluster: as for starting it, only a cluster the member may act on.
  const scoped = await guardClusters(guard, "tasks.read", [parsed.data.clusterId]);
  if (!scoped.ok) return scoped.response;
  const result = await readTaskState(parsed.data.clusterId, parsed.data.upid);
  if (!result.ok) return NextResponse.json({ message: result.message }, { status: result.status });
  return NextResponse.json(result.task, { headers: { "Cache-Control": "no-store" } });
}
