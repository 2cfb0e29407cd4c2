// The overview served from kept rows: the same as a fresh read, reloaded after every sync, judged
// against the time of each view.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { syncCluster } from "@/lib/sync/sync-cluster";
import { FAST, syncFederationPerFile } from "@/test/simulator-sync";

vi.mock("server-only", () => ({}));
const { getOverview } = await import("./overview");
const { clearOverviewCache, getCachedOverview, overviewStateVersion } = await import("./overview-cache");

const fed = syncFederationPerFile();

async function firstNode(clusterId: string): Promise<string> {
  const node = await db.clusterNode.findFirstOrThrow({ where: { clusterId }, orderBy: { name: "asc" } });
  return node.name;
}

function nodeOffline(overview: Awaited<ReturnType<typeof getOverview>>, clusterId: string, node: string): boolean {
  return overview.problems.some((p) => p.kind === "node_offline" && p.clusterId === clusterId && p.subject === node);
}

beforeAll(async () => {
  for (const name of [fed.nameA, fed.nameB]) await syncCluster(fed.id(name), FAST);
});
beforeEach(() => clearOverviewCache());

describe("getCachedOverview", () => {
  it("is what a fresh read gives", async () => {
    const now = new Date();
    expect(await getCachedOverview(now)).toEqual(await getOverview(now));
    // Served again from the kept rows: still equal.
    expect(await getCachedOverview(now)).toEqual(await getOverview(now));
  });

  it("keeps its rows until a sync changes the state, then shows what the sync read", async () => {
    const clusterId = fed.id(fed.nameA);
    const node = await firstNode(clusterId);
    await getCachedOverview();
    // Behind the sync's back (no Cluster row touched): the kept rows are served, proof they are kept.
    await db.clusterNode.updateMany({ where: { clusterId, name: node }, data: { status: "offline" } });
    expect(nodeOffline(await getOverview(), clusterId, node)).toBe(true);
    expect(nodeOffline(await getCachedOverview(), clusterId, node)).toBe(false);

    // The next sync rewrites the node from the cluster (online) and changes the version.
    const before = await overviewStateVersion();
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
    expect(await overviewStateVersion()).not.toBe(before);
    expect(nodeOffline(await getCachedOverview(), clusterId, node)).toBe(false);

    // The node really goes down: the first view after the sync shows it.
    fed.sim.cluster(fed.nameA).setNodeOnline(node, false);
    try {
      expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
      expect(nodeOffline(await getCachedOverview(), clusterId, node)).toBe(true);
    } finally {
      fed.sim.cluster(fed.nameA).setNodeOnline(node, true);
      await syncCluster(clusterId, FAST);
    }
    expect(nodeOffline(await getCachedOverview(), clusterId, node)).toBe(false);
  });

  it("sees a cluster edited or removed outside a sync", async () => {
    const clusterId = fed.id(fed.nameB);
    const name = (await getCachedOverview()).clusters.find((c) => c.id === clusterId)?.siteName;
    expect(name).toBeTruthy();
    await db.cluster.update({ where: { id: clusterId }, data: { siteName: "Porto Norte" } });
    try {
      expect((await getCachedOverview()).clusters.find((c) => c.id === clusterId)?.siteName).toBe("Porto Norte");
    } finally {
      await db.cluster.update({ where: { id: clusterId }, data: { siteName: name } });
    }
  });

  it("judges staleness against the view's time, not the read's", async () => {
    const clusterId = fed.id(fed.nameA);
    const now = new Date();
    expect((await getCachedOverview(now)).clusters.find((c) => c.id === clusterId)?.sync.freshness).toBe("fresh");
    const hourLater = new Date(now.getTime() + 3_600_000);
    const later = await getCachedOverview(hourLater);
    expect(later.clusters.find((c) => c.id === clusterId)?.sync.freshness).toBe("stale");
    expect(later).toEqual(await getOverview(hourLater));
  });

  it("keeps no secret: the one copy every member's view is rendered from has public cluster fields only", async () => {
    const overview = await getCachedOverview();
    expect(overview.clusters.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(overview)).not.toMatch(/tokenSecret|ciphertext|migrationToken/i);
  });
});
