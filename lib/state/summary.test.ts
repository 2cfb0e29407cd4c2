import { describe, expect, it } from "vitest";
import {
  clusterProblems,
  emptyUsage,
  federationTotals,
  sortProblems,
  usageByCluster,
  type NodeRow,
  type Problem,
  type StorageRow,
} from "./summary";
import type { SyncStatus } from "./staleness";

const GiB = 1024 ** 3;
const node = (clusterId: string, name: string, online = true): NodeRow => ({
  clusterId,
  name,
  status: online ? "online" : "offline",
  cpu: 0.25,
  maxcpu: 16,
  mem: 16 * GiB,
  maxmem: 64 * GiB,
});
const storage = (
  clusterId: string,
  nodeName: string,
  name: string,
  shared: boolean,
  status = "available",
): StorageRow => ({
  clusterId,
  node: nodeName,
  storage: name,
  shared,
  status,
  disk: 100 * GiB,
  maxdisk: 1000 * GiB,
});

describe("usageByCluster", () => {
  const usage = usageByCluster(
    [node("a", "pve1"), node("a", "pve2"), node("a", "pve3", false), node("b", "b1")],
    [
      { clusterId: "a", status: "running", count: 5 },
      { clusterId: "a", status: "stopped", count: 2 },
      { clusterId: "b", status: "paused", count: 1 },
    ],
    [
      storage("a", "pve1", "local", false),
      storage("a", "pve2", "local", false),
      storage("a", "pve1", "ceph", true),
      storage("a", "pve2", "ceph", true),
      storage("a", "pve3", "local", false, "unknown"),
      storage("b", "b1", "ceph", true),
    ],
  );

  it("counts CPU and memory of online nodes only", () => {
    const a = usage.get("a");
    expect(a?.nodes).toEqual({ online: 2, total: 3 });
    expect(a?.cpu).toEqual({ used: 8, total: 32 });
    expect(a?.mem).toEqual({ used: 32 * GiB, total: 128 * GiB });
  });

  it("counts guests by status, excluding nothing it was not given", () => {
    expect(usage.get("a")?.guests).toEqual({ running: 5, total: 7 });
    expect(usage.get("b")?.guests).toEqual({ running: 0, total: 1 });
  });

  it("counts a shared storage once per cluster and skips unavailable ones", () => {
    expect(usage.get("a")?.storage).toEqual({ used: 300 * GiB, total: 3000 * GiB });
    expect(usage.get("b")?.storage).toEqual({ used: 100 * GiB, total: 1000 * GiB });
  });

  it("sums into federation totals with clusters by health", () => {
    const totals = federationTotals([
      { health: "healthy", usage: usage.get("a") ?? emptyUsage() },
      { health: "down", usage: usage.get("b") ?? emptyUsage() },
      { health: "healthy", usage: emptyUsage() },
    ]);
    expect(totals.clusters).toEqual({ healthy: 2, degraded: 0, down: 1, unknown: 0, total: 3 });
    expect(totals.usage.nodes).toEqual({ online: 3, total: 4 });
    expect(totals.usage.guests).toEqual({ running: 5, total: 8 });
    expect(totals.usage.cpu).toEqual({ used: 12, total: 48 });
  });
});

describe("clusterProblems", () => {
  const fresh: SyncStatus = { freshness: "fresh", ageMs: 5_000, error: null };
  const base = { id: "a", name: "Lyon", health: "healthy" as const, quorate: true };

  it("reports nothing for a healthy fresh cluster", () => {
    expect(clusterProblems({ ...base, sync: fresh })).toEqual([]);
  });

  it("reports an unreachable cluster with the sync's words and the state's age", () => {
    const sync: SyncStatus = {
      freshness: "stale",
      ageMs: 300_000,
      error: { kind: "unreachable", message: "connection refused" },
    };
    expect(clusterProblems({ ...base, health: "down", sync })).toEqual([
      {
        clusterId: "a",
        clusterName: "Lyon",
        subject: "",
        kind: "cluster_down",
        severity: "critical",
        detail: "connection refused",
        ageMs: 300_000,
      },
    ]);
  });

  it("reports a late sync, a changed certificate and a lost quorum", () => {
    expect(clusterProblems({ ...base, sync: { ...fresh, freshness: "stale" } }).map((p) => p.kind)).toEqual([
      "sync_stale",
    ]);
    expect(
      clusterProblems({ ...base, sync: { ...fresh, freshness: "certificate_changed" } }).map((p) => p.kind),
    ).toEqual(["certificate_changed"]);
    expect(clusterProblems({ ...base, health: "degraded", quorate: false, sync: fresh }).map((p) => p.kind)).toEqual([
      "quorum_lost",
    ]);
  });
});

it("sorts problems critical first, then by cluster and subject", () => {
  const p = (severity: Problem["severity"], clusterName: string, subject: string): Problem => ({
    kind: "node_offline",
    severity,
    clusterId: clusterName,
    clusterName,
    subject,
    detail: null,
  });
  const sorted = sortProblems([
    p("warning", "A", "x"),
    p("critical", "B", "z"),
    p("critical", "B", "a"),
    p("critical", "A", "m"),
  ]);
  expect(sorted.map((x) => `${x.severity}:${x.clusterName}:${x.subject}`)).toEqual([
    "critical:A:m",
    "critical:B:a",
    "critical:B:z",
    "warning:A:x",
  ]);
});
