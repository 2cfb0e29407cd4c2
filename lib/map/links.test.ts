import { describe, expect, it } from "vitest";
import { auditFederation } from "@/lib/redundancy/audit";
import { federationLinks, toFederation } from "./links";
import { syntheticFederation } from "./synthetic";
import type { MapSite } from "./types";

function mapSite(id: string, role: MapSite["role"], lat: number | null, lon: number | null): MapSite {
  return {
    id,
    clusterName: id,
    siteName: id,
    role,
    tier: 2,
    lat,
    lon,
    country: "FR",
    region: null,
    powerGrid: null,
    isp: null,
    health: "up",
    lastSyncAt: null,
    nodes: [],
    guests: { total: 0, running: 0 },
    revenueThisMonth: null,
  };
}

const paris = mapSite("paris", "primary", 48.8566, 2.3522);
const lyon = mapSite("lyon", "regional_backup", 45.764, 4.8357);
const madrid = mapSite("madrid", "remote", 40.4168, -3.7038);
const nowhere = mapSite("nowhere", "edge", null, null);

describe("federationLinks", () => {
  it("draws a spoke from the primary to every other site, with its distance", () => {
    const links = federationLinks([paris, lyon, madrid, nowhere], []);
    expect(links.map((l) => [l.kind, l.fromId, l.toId])).toEqual([
      ["spoke", "paris", "lyon"],
      ["spoke", "paris", "madrid"],
      ["spoke", "paris", "nowhere"],
    ]);
    expect(links[0]?.distanceKm).toBeCloseTo(391.5, 0);
    expect(links[2]?.distanceKm).toBeNull();
    expect(links.every((l) => l.measuredLatencyMs === null)).toBe(true);
  });

  it("adds mesh links, and a mesh link over a spoke's pair replaces it", () => {
    const links = federationLinks(
      [paris, lyon, madrid],
      [
        { id: "m1", clusterAId: "lyon", clusterBId: "madrid", measuredLatencyMs: 21.5 },
        { id: "m2", clusterAId: "lyon", clusterBId: "paris", measuredLatencyMs: 4 },
      ],
    );
    expect(links.map((l) => l.id).sort()).toEqual(["m1", "m2", "spoke:madrid"]);
    expect(links.find((l) => l.id === "m1")).toMatchObject({ kind: "mesh", measuredLatencyMs: 21.5 });
  });

  it("has no hub without exactly one primary, and skips mesh links to unknown sites", () => {
    expect(federationLinks([lyon, madrid], [])).toEqual([]);
    expect(federationLinks([paris, { ...madrid, role: "primary" }], [])).toEqual([]);
    expect(
      federationLinks([paris, lyon], [{ id: "x", clusterAId: "lyon", clusterBId: "gone", measuredLatencyMs: null }]),
    ).toHaveLength(1);
  });
});

describe("syntheticFederation", () => {
  it("is deterministic, sized as asked, and auditable", () => {
    const a = syntheticFederation(500);
    const b = syntheticFederation(500);
    expect(a).toEqual(b);
    expect(a.sites).toHaveLength(500);
    expect(new Set(a.sites.map((s) => s.id)).size).toBe(500);
    expect(a.sites.filter((s) => s.role === "primary")).toHaveLength(1);
    const report = auditFederation(toFederation(a.sites));
    expect(report.rules).toHaveLength(5);
    expect(federationLinks(a.sites, a.mesh).length).toBeGreaterThanOrEqual(499);
  });
});
