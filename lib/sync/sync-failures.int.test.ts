// A cluster that fails, degrades or changes its certificate: what the sync keeps and records.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { FAST, syncFederationPerFile } from "@/test/simulator-sync";
import { executeAction } from "@/lib/actions/execute";
import { acceptClusterFingerprint } from "@/lib/clusters/mutations";
import { createMember } from "@/test/factories";
import { syncCluster } from "./sync-cluster";

const fed = syncFederationPerFile();
const id = (name: string): string => fed.id(name);

// Each cluster has a last known state before anything fails.
beforeAll(async () => {
  await syncCluster(fed.id(fed.nameA), { ...FAST, forceDisks: true });
  await syncCluster(fed.id(fed.nameB), FAST);
});

describe("syncCluster when a cluster fails", () => {
  it("a down cluster keeps its last state, marked with the error; the other cluster keeps syncing", async () => {
    const a = id(fed.nameA);
    const b = id(fed.nameB);
    const guestsBefore = await db.guest.count({ where: { clusterId: a } });
    const lastSync = (await db.cluster.findUniqueOrThrow({ where: { id: a } })).lastSyncAt;
    await fed.sim.cluster(fed.nameA).setDown(true);
    try {
      const [down, up] = await Promise.all([syncCluster(a, FAST), syncCluster(b, FAST)]);
      expect(down).toMatchObject({ status: "failed", kind: "unreachable" });
      expect(up).toMatchObject({ status: "ok" });
    } finally {
      await fed.sim.cluster(fed.nameA).setDown(false);
    }
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: a } });
    expect(cluster).toMatchObject({ health: "down", lastErrorKind: "unreachable", consecutiveFailures: 1 });
    expect(cluster.lastSyncAt).toEqual(lastSync);
    expect(cluster.lastErrorAt).not.toBeNull();
    expect(await db.guest.count({ where: { clusterId: a } })).toBe(guestsBefore);
    const latest = await db.clusterHistory.findFirstOrThrow({ where: { clusterId: a }, orderBy: { at: "desc" } });
    expect(latest).toMatchObject({ health: "down", guestsTotal: null });
    // Back up: the error clears.
    expect(await syncCluster(a, FAST)).toMatchObject({ status: "ok" });
    expect(await db.cluster.findUniqueOrThrow({ where: { id: a } })).toMatchObject({
      health: "healthy",
      lastErrorKind: null,
      consecutiveFailures: 0,
    });
  });

  it("a hanging cluster and one answering 5xx fail plainly, keep their state, and recover", async () => {
    const a = id(fed.nameA);
    const guests = await db.guest.count({ where: { clusterId: a } });
    const handle = fed.sim.cluster(fed.nameA);
    handle.setHang(true);
    try {
      expect(await syncCluster(a, { client: { timeoutMs: 300, retries: 0 } })).toMatchObject({
        status: "failed",
        kind: "unreachable",
      });
    } finally {
      handle.setHang(false);
    }
    handle.setErrorRate(1, 500);
    try {
      expect(await syncCluster(a, FAST)).toMatchObject({ status: "failed", kind: "server_error" });
    } finally {
      handle.setErrorRate(0);
    }
    expect(await db.cluster.findUniqueOrThrow({ where: { id: a } })).toMatchObject({
      health: "down",
      lastErrorKind: "server_error",
      consecutiveFailures: 2,
    });
    expect(await db.guest.count({ where: { clusterId: a } })).toBe(guests);
    expect(await syncCluster(a, FAST)).toMatchObject({ status: "ok" });
  });

  it("a node offline degrades the cluster; its guests are shown unknown, nothing is lost", async () => {
    const a = id(fed.nameA);
    const node = "pve2";
    fed.sim.cluster(fed.nameA).setNodeOnline(node, false);
    try {
      expect(await syncCluster(a, FAST)).toMatchObject({ status: "ok", health: "degraded" });
    } finally {
      fed.sim.cluster(fed.nameA).setNodeOnline(node, true);
    }
    expect(await db.clusterNode.findFirstOrThrow({ where: { clusterId: a, name: node } })).toMatchObject({
      status: "offline",
    });
    const onNode = await db.guest.findMany({ where: { clusterId: a, node }, select: { status: true } });
    expect(onNode.length).toBeGreaterThan(0);
    expect(onNode.every((g) => g.status === "unknown")).toBe(true);
    expect(await db.guest.count({ where: { clusterId: a } })).toBe(40);
  });

  it("a rotated certificate stops sync until an admin accepts the new fingerprint", async () => {
    const b = id(fed.nameB);
    const old = (await db.cluster.findUniqueOrThrow({ where: { id: b } })).fingerprint;
    const rotated = await fed.sim.cluster(fed.nameB).rotateCertificate();
    const failed = await syncCluster(b, FAST);
    expect(failed).toMatchObject({ status: "failed", kind: "tls_fingerprint_mismatch" });
    const pending = await db.cluster.findUniqueOrThrow({ where: { id: b } });
    expect(pending).toMatchObject({ fingerprint: old, pendingFingerprint: rotated, health: "down" });
    expect(await syncCluster(b, FAST)).toEqual({ status: "skipped", reason: "certificate_changed" });

    const operator = await createMember("operator");
    const admin = await createMember("admin");
    expect(
      await executeAction(acceptClusterFingerprint, { clusterId: b, fingerprint: rotated }, operator),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(acceptClusterFingerprint, { clusterId: b, fingerprint: old }, admin)).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await executeAction(acceptClusterFingerprint, { clusterId: b, fingerprint: rotated }, admin)).toMatchObject({
      ok: true,
    });
    expect(await syncCluster(b, FAST)).toMatchObject({ status: "ok" });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "cluster.fingerprint-accepted", targetId: b },
    });
    expect(event.payload).toMatchObject({ previous: old, accepted: rotated });
  });

  it("skips a disabled or unknown cluster", async () => {
    const b = id(fed.nameB);
    await db.cluster.update({ where: { id: b }, data: { enabled: false } });
    try {
      expect(await syncCluster(b, FAST)).toEqual({ status: "skipped", reason: "disabled" });
    } finally {
      await db.cluster.update({ where: { id: b }, data: { enabled: true } });
    }
    expect(await syncCluster("00000000-0000-4000-8000-000000000000", FAST)).toEqual({
      status: "skipped",
      reason: "not_found",
    });
  });
});
