import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createCluster } from "@/test/factories";
import { dispatchDueSyncs, dueClusterIds, SYNC_QUEUE, syncIfDue } from "./jobs";

afterAll(async () => {
  await stopBoss(5_000);
});

async function cluster(data: {
  lastAttemptAt?: Date;
  syncIntervalSeconds?: number;
  enabled?: boolean;
  pendingFingerprint?: string;
}): Promise<string> {
  return (await createCluster(data)).id;
}

describe("sync scheduling", () => {
  it("picks clusters whose interval has passed, honouring per-cluster overrides, skipping disabled and certificate-changed ones", async () => {
    const now = new Date();
    const never = await cluster({});
    const stale = await cluster({ lastAttemptAt: new Date(now.getTime() - 20_000) });
    const fresh = await cluster({ lastAttemptAt: new Date(now.getTime() - 5_000) });
    const slow = await cluster({ lastAttemptAt: new Date(now.getTime() - 20_000), syncIntervalSeconds: 60 });
    const disabled = await cluster({ enabled: false });
    const pending = await cluster({ pendingFingerprint: Array.from({ length: 32 }, () => "EF").join(":") });
    const due = await dueClusterIds(now);
    expect(due).toEqual(expect.arrayContaining([never, stale]));
    for (const id of [fresh, slow, disabled, pending]) expect(due).not.toContain(id);
    await db.cluster.deleteMany({ where: { id: { in: [never, stale, fresh, slow, disabled, pending] } } });
  });

  it("a job for a cluster attempted moments ago does nothing (the interval holds)", async () => {
    const recent = await cluster({ lastAttemptAt: new Date(Date.now() - 2_000) });
    expect(await syncIfDue(recent)).toBeNull();
    expect(
      await db.cluster.findUniqueOrThrow({ where: { id: recent }, select: { consecutiveFailures: true } }),
    ).toEqual({ consecutiveFailures: 0 });
    await db.cluster.delete({ where: { id: recent } });
  });

  it("queues at most one waiting job per cluster, however often (and by however many workers) it dispatches", async () => {
    const boss = await getBoss();
    await boss.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, policy: "stately", retryLimit: 0 });
    const id = await cluster({});
    const [a, b] = await Promise.all([dispatchDueSyncs(boss), dispatchDueSyncs(boss)]);
    expect(await dispatchDueSyncs(boss)).toBe(0);
    const jobs = await boss.fetch<{ clusterId: string }>(SYNC_QUEUE, { batchSize: 100 });
    expect(jobs.filter((job) => job.data.clusterId === id)).toHaveLength(1);
    expect(a + b).toBeGreaterThanOrEqual(1);
  });
});
