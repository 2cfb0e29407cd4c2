// "Nothing changed": a fingerprint of every table's rows (the audit trail aside, where a refusal is
// recorded on purpose) and of the simulated cluster's tasks and guests.
import { db } from "@/lib/db";
import type { Scene } from "./scene";

// AuditEvent: refusals are recorded there. UserSession (when present): reading a session may note
// the visit. Migrations: not data.
const SKIPPED = new Set(["AuditEvent", "UserSession", "_prisma_migrations"]);

export async function snapshot(scene: Scene): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const state: Record<string, string> = {};
  for (const { name } of tables) {
    if (SKIPPED.has(name)) continue;
    const [row] = await db.$queryRawUnsafe<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(t::text), ',' ORDER BY md5(t::text)), '')) AS h FROM "${name}" t`,
    );
    state[name] = `${row?.n}:${row?.h}`;
  }
  const cluster = scene.sim.cluster;
  state["simulator:tasks"] = String(cluster.tasks().length);
  state["simulator:guests"] = JSON.stringify(cluster.guests().map((g) => [g.vmid, g.node, g.status]));
  return state;
}

/** The access.denied events recorded since `afterSeq` for this member (and this attempt, if named). */
export async function refusalsSince(afterSeq: bigint, userId: string, attempted?: string): Promise<number> {
  const events = await db.auditEvent.findMany({
    where: { seq: { gt: afterSeq }, action: "access.denied", actorId: userId },
    select: { payload: true },
  });
  return events.filter((e) => !attempted || (e.payload as { attempted?: string } | null)?.attempted === attempted)
    .length;
}

export async function lastSeq(): Promise<bigint> {
  const last = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  return last?.seq ?? 0n;
}
