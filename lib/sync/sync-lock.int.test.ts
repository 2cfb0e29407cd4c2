// One sync of a cluster at a time, in this process and across processes (lock.ts).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { FAST, syncFederationPerFile } from "@/test/simulator-sync";
import { holdClusterSyncLockElsewhere } from "./lock";
import { syncCluster } from "./sync-cluster";

const fed = syncFederationPerFile();
const id = (name: string): string => fed.id(name);

describe("the sync lock", () => {
  it("runs one sync of a cluster at a time: a concurrent call is skipped, not doubled", async () => {
    const clusterId = id(fed.nameB);
    const historyBefore = await db.clusterHistory.count({ where: { clusterId } });
    fed.sim.cluster(fed.nameB).setLatency(150);
    try {
      const outcomes = await Promise.all([
        syncCluster(clusterId, FAST),
        syncCluster(clusterId, FAST),
        syncCluster(clusterId, FAST),
      ]);
      expect(outcomes.filter((o) => o.status === "ok")).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === "skipped" && o.reason === "already_running")).toHaveLength(2);
    } finally {
      fed.sim.cluster(fed.nameB).setLatency(0);
    }
    expect(await db.clusterHistory.count({ where: { clusterId } })).toBe(historyBefore + 1);
    // The lock is released afterwards.
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
  });

  it("defers to a sync running in another process (the lock held on another connection)", async () => {
    const clusterId = id(fed.nameB);
    const release = await holdClusterSyncLockElsewhere(clusterId);
    try {
      expect(await syncCluster(clusterId, FAST)).toEqual({ status: "skipped", reason: "already_running" });
    } finally {
      await release();
    }
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
  });

  it("frees the lock for other processes moments after a sync, the release riding on a later query or a short timer", async () => {
    const clusterId = id(fed.nameB);
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
    const started = Date.now();
    // Blocks until this process has released it: a release that never came would time the test out.
    const release = await holdClusterSyncLockElsewhere(clusterId);
    const waited = Date.now() - started;
    try {
      expect(waited).toBeLessThan(1_000);
      expect(await syncCluster(clusterId, FAST)).toEqual({ status: "skipped", reason: "already_running" });
    } finally {
      await release();
    }
    // And syncing it again, here, takes and frees it again.
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
    expect(await syncCluster(clusterId, FAST)).toMatchObject({ status: "ok" });
    const again = await holdClusterSyncLockElsewhere(clusterId);
    await again();
  });
});
