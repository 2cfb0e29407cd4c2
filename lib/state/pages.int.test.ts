// The overview and a cluster's page, read from synced state.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { GiB, NODES, NOW, seedStateFixture, type StateFixture } from "@/test/state";

// The query modules guard against client bundles with "server-only", which throws outside Next.
vi.mock("server-only", () => ({}));
const { getOverview } = await import("./overview");
const { getClusterView } = await import("./cluster");
const { getClusterHistory } = await import("./history");

let big: StateFixture["big"];
let small: StateFixture["small"];

beforeAll(async () => {
  ({ big, small } = await seedStateFixture());
}, 60_000);

describe("overview", () => {
  it("summarises each cluster and the federation, with problems", async () => {
    const overview = await getOverview(NOW);
    const card = overview.clusters.find((c) => c.id === big.id);
    expect(card?.usage).toEqual({
      nodes: { online: 3, total: 4 },
      guests: { running: 2250, total: 3000 },
      cpu: { used: 48, total: 96 },
      mem: { used: 192 * GiB, total: 768 * GiB },
      storage: { used: 960 * GiB, total: 1100 * GiB },
    });
    expect(card?.sync.freshness).toBe("fresh");
    expect(JSON.stringify(card)).not.toContain("tokenSecret");
    const down = overview.clusters.find((c) => c.id === small.id);
    expect(down?.sync).toEqual({
      freshness: "stale",
      ageMs: 600_000,
      error: { kind: "unreachable", message: "connection refused" },
    });

    const mine = overview.problems
      .filter((p) => p.clusterId === big.id || p.clusterId === small.id)
      .map((p) => `${p.kind}:${p.subject}`);
    expect(mine).toEqual(
      expect.arrayContaining(["cluster_down:", "node_offline:pve4", "storage_full:ceph", "task_failed:qmigrate 1002"]),
    );
    expect(mine.filter((m) => m === "storage_full:ceph")).toHaveLength(1);
    expect(overview.recentTasks.some((t) => t.clusterName === big.name && t.type === "qmigrate")).toBe(true);
    expect(overview.totals.clusters.total).toBe(overview.clusters.length);
    expect(overview.totals.usage.guests.total).toBe(overview.clusters.reduce((n, c) => n + c.usage.guests.total, 0));
  });
});

describe("cluster page", () => {
  it("has nodes, deduplicated storages, tasks, and is null for an unknown id", async () => {
    const view = await getClusterView(big.id, NOW);
    expect(view?.nodes.map((n) => n.name)).toEqual(NODES);
    expect(view?.storages.map((s) => s.storage)).toEqual(["ceph", "local"]);
    expect(view?.tasks[0]?.type).toBe("qmigrate");
    expect(await getClusterView(randomUUID())).toBeNull();
  });

  it("buckets 24 h into 5-minute points and 7 d into hours from the rollup and the raw rows", async () => {
    const day = await getClusterHistory(big.id, "24h", NOW);
    expect(day.length).toBe(96);
    expect(day.every((p) => p.cpuTotal === 96)).toBe(true);
    const week = await getClusterHistory(big.id, "7d", NOW);
    const rollup = week.filter((p) => p.cpuUsed === 20).length;
    // Since 11-21 12:00: 133 rolled-up hours up to 11-27 00:00, plus 11-28 11:00; the raw rows
    // cover 25 hour buckets (11-27 12:00 to 11-28 12:00), one of which the rollup already has.
    expect(rollup).toBe(134);
    expect(week.length).toBe(134 + 24);
    expect(week.find((p) => p.t === Date.parse("2026-11-28T11:00:00Z"))?.cpuUsed).toBe(20);
    expect(week.map((p) => p.t)).toEqual([...week.map((p) => p.t)].sort((a, b) => a - b));
  });
});
