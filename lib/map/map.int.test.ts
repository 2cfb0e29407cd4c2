import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { verifyAuditChain } from "@/lib/audit/verify";
import { purgeClusterRows } from "@/lib/clusters/archive";
import { db } from "@/lib/db";
import { createMember, PLACEHOLDER_CREDENTIALS } from "@/test/factories";
import { addMeshLink, removeMeshLink } from "./mutations";
import { getFederationMap } from "./queries";

// queries.ts guards against client bundles with "server-only", which throws outside Next.
vi.mock("server-only", () => ({}));

type Site = {
  siteName: string;
  role: "primary" | "regional_backup" | "remote" | "edge";
  lat: number;
  lon: number;
  grid?: string;
};

/** A registered cluster with its site data; the token columns hold placeholders (never decrypted here). */
async function createCluster(
  site: Site,
  sync: { health?: "healthy" | "degraded" | "down" | "unknown"; lastSyncAt?: Date | null } = {},
) {
  const suffix = randomUUID().slice(0, 8);
  return db.cluster.create({
    data: {
      name: `${site.siteName.toLowerCase()}-${suffix}`,
      apiUrl: `https://${suffix}.invalid:8006`,
      ...PLACEHOLDER_CREDENTIALS,
      siteName: `${site.siteName} ${suffix}`,
      role: site.role,
      tier: 2,
      latitude: site.lat,
      longitude: site.lon,
      country: "FR",
      powerGrid: site.grid ?? null,
      electricityPricePerKwh: "0.2",
      currency: "EUR",
      health: sync.health ?? "healthy",
      lastSyncAt: sync.lastSyncAt === undefined ? new Date() : sync.lastSyncAt,
    },
  });
}

describe("getFederationMap", () => {
  it("returns each site with health, nodes and guest counts (templates excluded), never token columns", async () => {
    const paris = await createCluster({ siteName: "Paris", role: "primary", lat: 48.8566, lon: 2.3522 });
    const lyon = await createCluster(
      { siteName: "Lyon", role: "regional_backup", lat: 45.764, lon: 4.8357 },
      { health: "unknown", lastSyncAt: null },
    );
    await db.clusterNode.create({
      data: { clusterId: paris.id, name: "par-pve1", status: "online", maxmem: 256 * 1024 ** 3 },
    });
    for (const [vmid, status] of [
      [100, "running"],
      [101, "stopped"],
    ] as const) {
      await db.guest.create({
        data: { clusterId: paris.id, vmid, type: "qemu", name: `g${vmid}`, node: "par-pve1", status },
      });
    }
    await db.guest.create({
      data: {
        clusterId: paris.id,
        vmid: 9000,
        type: "qemu",
        name: "tpl",
        node: "par-pve1",
        status: "stopped",
        template: true,
      },
    });

    const map = await getFederationMap();
    const mine = map.sites.filter((s) => s.id === paris.id || s.id === lyon.id);
    expect(mine.find((s) => s.id === paris.id)).toMatchObject({
      health: "up",
      guests: { total: 2, running: 1 },
      nodes: [{ name: "par-pve1", online: true, memoryBytes: 256 * 1024 ** 3 }],
    });
    expect(mine.find((s) => s.id === lyon.id)).toMatchObject({
      health: "stale",
      lastSyncAt: null,
      guests: { total: 0, running: 0 },
    });
    // Never the token columns.
    expect(JSON.stringify(map)).not.toContain("tokenSecret");
    expect(mine.find((s) => s.id === paris.id)?.revenueThisMonth).toBeNull();
    await db.cluster.deleteMany({ where: { id: { in: [paris.id, lyon.id] } } });
  });

  it("sums this month's revenue from the ledger's daily rollups, counting unpriced entries apart", async () => {
    const paris = await createCluster({ siteName: "Paris", role: "primary", lat: 48.8566, lon: 2.3522 });
    const network = `map-test-${randomUUID().slice(0, 8)}`;
    await db.earningsNetwork.create({ data: { id: network, name: network, defaultSymbol: "HNT" } });
    const now = new Date("2026-11-28T12:00:00Z");
    for (const [day, usd, unpriced] of [
      ["2026-11-01", "120.50", 0],
      ["2026-11-27", "79.50", 2],
      ["2026-10-31", "1000", 0],
    ] as const) {
      await db.revenueDaily.create({
        data: {
          clusterId: paris.id,
          networkId: network,
          day: new Date(`${day}T00:00:00Z`),
          entries: 1 + unpriced,
          revenueUsd: usd,
          unpricedEntries: unpriced,
        },
      });
    }
    const site = (await getFederationMap(now)).sites.find((s) => s.id === paris.id);
    expect(site?.revenueThisMonth).toEqual({ usd: 200, unpricedEntries: 2 });
    await db.$transaction((tx) => purgeClusterRows(tx, [paris.id]));
    await db.earningsNetwork.delete({ where: { id: network } });
  });
});

describe("mesh links", () => {
  it("an admin links two sites once, in either direction, audited; and removes it", async () => {
    const admin = await createMember("admin");
    const a = await createCluster({ siteName: "Warsaw", role: "remote", lat: 52.2297, lon: 21.0122 });
    const b = await createCluster({ siteName: "Madrid", role: "remote", lat: 40.4168, lon: -3.7038 });

    const added = await executeAction(
      addMeshLink,
      { fromClusterId: b.id, toClusterId: a.id, measuredLatencyMs: "38.5" },
      admin,
    );
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const stored = await db.meshLink.findUniqueOrThrow({ where: { id: added.data.linkId } });
    expect([stored.clusterAId, stored.clusterBId]).toEqual([a.id, b.id].sort());
    expect(stored.measuredLatencyMs).toBe(38.5);
    expect(stored.measuredAt).not.toBeNull();

    const again = await executeAction(
      addMeshLink,
      { fromClusterId: a.id, toClusterId: b.id, measuredLatencyMs: "" },
      admin,
    );
    expect(again).toMatchObject({ ok: false, code: "conflict" });

    const link = (await getFederationMap()).links.find((l) => l.id === added.data.linkId);
    expect(link).toMatchObject({ kind: "mesh", measuredLatencyMs: 38.5 });
    expect(link?.distanceKm).toBeGreaterThan(2200);

    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "map.mesh-link-added", targetId: added.data.linkId },
    });
    expect(event.actorId).toBe(admin.id);

    expect(await executeAction(removeMeshLink, { linkId: added.data.linkId }, admin)).toEqual({
      ok: true,
      data: { removed: true },
    });
    expect(await executeAction(removeMeshLink, { linkId: added.data.linkId }, admin)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await db.auditEvent.count({ where: { action: "map.mesh-link-removed", targetId: added.data.linkId } })).toBe(
      1,
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
    await db.cluster.deleteMany({ where: { id: { in: [a.id, b.id] } } });
  });

  it("refuses a link from a site to itself, to a missing site, and a negative latency", async () => {
    const admin = await createMember("admin");
    const a = await createCluster({ siteName: "Lille", role: "edge", lat: 50.6292, lon: 3.0573 });
    expect(await executeAction(addMeshLink, { fromClusterId: a.id, toClusterId: a.id }, admin)).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { toClusterId: ["Choose two different sites."] },
    });
    expect(await executeAction(addMeshLink, { fromClusterId: a.id, toClusterId: randomUUID() }, admin)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const b = await createCluster({ siteName: "Porto", role: "edge", lat: 41.1579, lon: -8.6291 });
    expect(
      await executeAction(addMeshLink, { fromClusterId: a.id, toClusterId: b.id, measuredLatencyMs: -3 }, admin),
    ).toMatchObject({ ok: false, code: "validation" });
    await db.cluster.deleteMany({ where: { id: { in: [a.id, b.id] } } });
  });

  it("refuses operators and viewers, and audits the attempt; a link goes with its cluster", async () => {
    const admin = await createMember("admin");
    const a = await createCluster({ siteName: "Rouen", role: "regional_backup", lat: 49.4432, lon: 1.0999 });
    const b = await createCluster({ siteName: "Reims", role: "remote", lat: 49.2583, lon: 4.0317 });
    for (const role of ["operator", "viewer"] as const) {
      const member = await createMember(role);
      expect(await executeAction(addMeshLink, { fromClusterId: a.id, toClusterId: b.id }, member)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await db.auditEvent.count({ where: { action: "access.denied", actorId: member.id } })).toBe(1);
    }
    expect(await db.meshLink.count({ where: { clusterAId: { in: [a.id, b.id] } } })).toBe(0);

    const added = await executeAction(addMeshLink, { fromClusterId: a.id, toClusterId: b.id }, admin);
    expect(added.ok).toBe(true);
    await db.cluster.delete({ where: { id: a.id } });
    expect(await db.meshLink.count({ where: { OR: [{ clusterAId: a.id }, { clusterBId: a.id }] } })).toBe(0);
    await db.cluster.delete({ where: { id: b.id } });
  });
});
