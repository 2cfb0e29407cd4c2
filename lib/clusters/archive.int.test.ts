// Point 11 of issue 14: removing a cluster archives it (off the live pages, its books and history
// kept), and only a purge, a separate admin action with a typed confirmation, deletes them.
import { describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { getEarningsReport } from "@/lib/earnings/queries";
import { buildView } from "@/lib/earnings/report";
import { getFederationMap } from "@/lib/map/queries";
import { getOverview } from "@/lib/state/overview";
import { getClusterView } from "@/lib/state/cluster";
import { createTestCluster } from "@/test/earnings-clusters";
import { createMember } from "@/test/factories";
import { listArchivedClusters, listRegistry } from "./queries";
import { purgeCluster, removeCluster } from "./mutations";

async function clusterWithBooks() {
  const cluster = await createTestCluster({ nodes: 1 });
  const day = new Date("2026-03-10T00:00:00Z");
  const month = new Date("2026-03-01T00:00:00Z");
  await db.revenueDaily.create({
    data: { clusterId: cluster.id, networkId: "federation-rewards", day, entries: 1, revenueUsd: 42 },
  });
  await db.revenueMonthly.create({
    data: { clusterId: cluster.id, networkId: "federation-rewards", month, entries: 1, revenueUsd: 42 },
  });
  await db.electricityCost.create({ data: { clusterId: cluster.id, day, amount: 7 } });
  await db.clusterHistory.create({ data: { clusterId: cluster.id, at: day, health: "healthy", nodesOnline: 1 } });
  await db.clusterHistoryHourly.create({
    data: { clusterId: cluster.id, hour: day, samples: 1, downSamples: 0, worstHealth: "healthy" },
  });
  return cluster;
}

async function kept(clusterId: string) {
  const where = { clusterId };
  return [
    await db.revenueDaily.count({ where }),
    await db.revenueMonthly.count({ where }),
    await db.electricityCost.count({ where }),
    await db.clusterHistory.count({ where }),
    await db.clusterHistoryHourly.count({ where }),
  ];
}

describe("removing a cluster archives it", () => {
  it("keeps its ledger, rollups, costs and history, in earnings too, and takes it off the live pages", async () => {
    const admin = await createMember("admin");
    const cluster = await clusterWithBooks();
    expect((await listRegistry()).some((c) => c.id === cluster.id)).toBe(true);

    const removed = await executeAction(removeCluster, { clusterId: cluster.id, confirmName: cluster.name }, admin);
    expect(removed).toMatchObject({ ok: true, data: { archived: true } });

    expect(await kept(cluster.id)).toEqual([1, 1, 1, 1, 1]);
    expect(await db.cluster.findUnique({ where: { id: cluster.id }, select: { enabled: true } })).toEqual({
      enabled: false,
    });
    expect((await listRegistry()).some((c) => c.id === cluster.id)).toBe(false);
    expect((await getOverview()).clusters.some((c) => c.id === cluster.id)).toBe(false);
    expect((await getFederationMap()).sites.some((s) => s.id === cluster.id)).toBe(false);
    expect(await getClusterView(cluster.id)).toBeNull();
    expect((await listArchivedClusters()).find((c) => c.id === cluster.id)).toMatchObject({
      _count: { revenueDaily: 1, electricityCost: 1, history: 1 },
    });
    const report = await getEarningsReport({
      from: "2026-03-01",
      to: "2026-03-31",
      clusterIds: [cluster.id],
      networkIds: [],
      granularity: "month",
    });
    expect(buildView(report).totals.revenueUsd).toBe(42);
    expect(
      await db.auditEvent.findFirst({
        where: { action: "cluster.archived", targetId: cluster.id },
        select: { actorId: true },
      }),
    ).toEqual({ actorId: admin.id });

    // An archived cluster is no longer edited, disabled or removed again as if it were live.
    expect(
      await executeAction(removeCluster, { clusterId: cluster.id, confirmName: cluster.name }, admin),
    ).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses a plain DELETE of a cluster that has books", async () => {
    const cluster = await clusterWithBooks();
    await expect(db.cluster.delete({ where: { id: cluster.id } })).rejects.toThrow();
    expect(await kept(cluster.id)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe("purging an archived cluster", () => {
  it("needs an archived cluster, an admin and the typed confirmation; then deletes everything, audited", async () => {
    const admin = await createMember("admin");
    const cluster = await clusterWithBooks();
    const purge = (confirmation: string, as = admin) =>
      executeAction(purgeCluster, { clusterId: cluster.id, confirmation }, as);

    // Live clusters are archived first.
    expect(await purge(`purge ${cluster.name}`)).toMatchObject({ ok: false, code: "conflict" });
    await executeAction(removeCluster, { clusterId: cluster.id, confirmName: cluster.name }, admin);

    expect(await purge(cluster.name)).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { confirmation: ["Does not match."] },
    });
    expect(await purge(`purge ${cluster.name}`, await createMember("operator"))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await kept(cluster.id)).toEqual([1, 1, 1, 1, 1]);
    expect(await db.auditEvent.count({ where: { action: "cluster.purged", targetId: cluster.id } })).toBe(0);

    expect(await purge(`purge ${cluster.name}`)).toMatchObject({
      ok: true,
      data: { purged: true, deleted: { revenueDaily: 1, revenueMonthly: 1, electricityCosts: 1, history: 1 } },
    });
    expect(await db.cluster.count({ where: { id: cluster.id } })).toBe(0);
    expect(await kept(cluster.id)).toEqual([0, 0, 0, 0, 0]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "cluster.purged", targetId: cluster.id } });
    expect(event).toMatchObject({
      actorId: admin.id,
      payload: { name: cluster.name, deleted: { revenueDaily: 1, electricityCosts: 1, hourlyHistory: 1 } },
    });
  });
});
