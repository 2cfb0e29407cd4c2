// The federation's topology as the map draws it: the essay's hub-and-spoke from the primary, plus
// the mesh overlay admins add between other pairs.
import { haversineKm, isValidLatLon } from "@/lib/geo/distance";
import type { FederationSite } from "@/lib/redundancy/types";
import type { MapData, MapLink, MapSite, StoredMeshLink } from "./types";

function distanceBetween(a: MapSite | undefined, b: MapSite | undefined): number | null {
  if (!a || !b) return null;
  const from = { lat: a.lat, lon: a.lon };
  const to = { lat: b.lat, lon: b.lon };
  return isValidLatLon(from) && isValidLatLon(to) ? haversineKm(from, to) : null;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Spokes join the one primary to every other site; with no primary, or several, there is no hub
 * and only mesh links are drawn (the audit says why). A mesh link over a spoke's pair replaces it,
 * since it carries the measured latency.
 */
export function federationLinks(sites: readonly MapSite[], mesh: readonly StoredMeshLink[]): MapLink[] {
  const byId = new Map(sites.map((s) => [s.id, s]));
  const links: MapLink[] = [];
  const meshPairs = new Set<string>();
  for (const link of mesh) {
    if (!byId.has(link.clusterAId) || !byId.has(link.clusterBId)) continue;
    meshPairs.add(pairKey(link.clusterAId, link.clusterBId));
    links.push({
      id: link.id,
      kind: "mesh",
      fromId: link.clusterAId,
      toId: link.clusterBId,
      distanceKm: distanceBetween(byId.get(link.clusterAId), byId.get(link.clusterBId)),
      measuredLatencyMs: link.measuredLatencyMs,
    });
  }
  const primaries = sites.filter((s) => s.role === "primary");
  const [hub] = primaries;
  if (primaries.length !== 1 || !hub) return links;
  const spokes = sites
    .filter((s) => s.id !== hub.id && !meshPairs.has(pairKey(hub.id, s.id)))
    .map((s): MapLink => ({
      id: `spoke:${s.id}`,
      kind: "spoke",
      fromId: hub.id,
      toId: s.id,
      distanceKm: distanceBetween(hub, s),
      measuredLatencyMs: null,
    }));
  return [...spokes, ...links];
}

/** The audit's view of the map's sites (it reads node memory for the tier rule). */
export function toFederation(sites: readonly MapSite[]): FederationSite[] {
  return sites.map((s) => ({
    id: s.id,
    name: s.siteName,
    role: s.role,
    tier: s.tier,
    lat: s.lat,
    lon: s.lon,
    country: s.country,
    powerGrid: s.powerGrid,
    isp: s.isp,
    nodes: s.nodes.map((n) => ({ name: n.name, memoryBytes: n.memoryBytes })),
  }));
}

export function withLinks(sites: MapSite[], mesh: readonly StoredMeshLink[]): MapData {
  return { sites, links: federationLinks(sites, mesh) };
}
