// What limiting an operator to assigned clusters means beyond the access matrix
// (test/access-matrix.int.test.ts): the default keeps today's behaviour, the switch is an audited
// admin action read on the next call, CSV rows for other clusters are rejected row by row, and a
// known API key refused is recorded like a member's refusal.
import { describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createApiKey, revokeApiKey, setElectricityCost } from "@/lib/earnings/mutations";
import { importRevenueCsv } from "@/lib/earnings/csv-import";
import { checkApiKey } from "@/lib/earnings/api-keys";
import { setClusterScope } from "@/lib/team/scope-mutations";
import { createCluster, createMember } from "@/test/factories";
import { clusterScopeOf } from "./cluster-scope";

const cost = (clusterId: string, day: string) => ({ clusterId, day, cost: "3" });

async function* chunks(text: string): AsyncIterable<string> {
  yield text;
}

describe("limiting an operator to assigned clusters", () => {
  it("by default an operator acts on every cluster; once limited, only on assigned ones, at once", async () => {
    const admin = await createMember("admin");
    const operator = await createMember("operator");
    const [mine, other] = [await createCluster(), await createCluster()];
    await db.clusterAssignment.create({ data: { userId: operator.id, clusterId: mine.id } });

    expect(await clusterScopeOf(db, operator)).toEqual({ all: true });
    expect(await executeAction(setElectricityCost, cost(other.id, "2026-11-01"), operator)).toMatchObject({ ok: true });

    expect(await executeAction(setClusterScope, { userId: operator.id, scope: "assigned" }, operator)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await executeAction(setClusterScope, { userId: operator.id, scope: "assigned" }, admin)).toMatchObject({
      ok: true,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "team.cluster-scope-changed", targetId: operator.id },
    });
    expect(event.payload).toMatchObject({ from: "all", to: "assigned", assignedClusters: 1 });

    const refused = await executeAction(setElectricityCost, cost(other.id, "2026-11-02"), operator);
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.electricityCost.count({ where: { clusterId: other.id, day: new Date("2026-11-02") } })).toBe(0);
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: "access.denied", actorId: operator.id },
      orderBy: { seq: "desc" },
    });
    expect(denied.payload).toMatchObject({ attempted: "earnings.electricity-cost", clusters: [other.id] });
    expect(await executeAction(setElectricityCost, cost(mine.id, "2026-11-02"), operator)).toMatchObject({ ok: true });
  });

  it("an admin is never limited, and a viewer acts on no cluster", async () => {
    const admin = await createMember("admin");
    const viewer = await createMember("viewer");
    await db.user.updateMany({ where: { id: { in: [admin.id, viewer.id] } }, data: { clusterScope: "assigned" } });
    expect(await clusterScopeOf(db, admin)).toEqual({ all: true });
    expect(await clusterScopeOf(db, viewer)).toEqual({ all: false, clusterIds: new Set() });
  });

  it("a CSV import rejects, row by row, rows for clusters the importer may not record for", async () => {
    const [mine, other] = [await createCluster(), await createCluster()];
    const csv = [
      "cluster,network,date,amount,external_id",
      `${mine.name},helium,2026-10-01,1,scope-a`,
      `${other.name},helium,2026-10-01,2,scope-b`,
    ].join("\n");
    const summary = await importRevenueCsv({
      chunks: chunks(csv),
      actor: { id: null, label: "test" },
      recordable: new Set([mine.id]),
    });
    expect(summary).toMatchObject({ status: "done", imported: 1, rejected: 1 });
    expect(summary.problems).toEqual([
      { line: 3, column: "cluster", reason: `"${other.name}" is not one of your assigned clusters` },
    ]);
    expect(await db.revenueEntry.count({ where: { clusterId: other.id } })).toBe(0);
  });

  it("a known API key refused (wrong scope, revoked) is recorded; an unknown one is not", async () => {
    const admin = await createMember("admin");
    const created = await executeAction(createApiKey, { name: "prices only", scopes: ["prices:write"] }, admin);
    if (!created.ok) throw new Error(created.message);
    const before = await db.auditEvent.count({ where: { action: "access.denied", targetType: "api-key" } });
    expect(await checkApiKey(db, `Bearer ${created.data.key}`, "revenue:write")).toMatchObject({ status: 403 });
    expect(await checkApiKey(db, "Bearer sov_unknownunknownunknown", "revenue:write")).toMatchObject({ status: 401 });
    await executeAction(revokeApiKey, { keyId: created.data.id }, admin);
    expect(await checkApiKey(db, `Bearer ${created.data.key}`, "prices:write")).toMatchObject({ status: 401 });
    const events = await db.auditEvent.findMany({
      where: { action: "access.denied", targetType: "api-key" },
      orderBy: { seq: "asc" },
      skip: before,
    });
    expect(events.map((e) => [e.targetId, e.payload])).toEqual([
      [created.data.id, { attempted: "revenue:write", reason: "scope" }],
      [created.data.id, { attempted: "prices:write", reason: "revoked" }],
    ]);
  });
});
