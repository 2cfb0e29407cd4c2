// A synthetic federation of any size for the map benchmark (and its tests): deterministic from a
// seed, so two runs draw the same map. Never used for real data.
import { seededRandom } from "@/lib/random";
import type { MapSite, SiteHealth, SiteRole, StoredMeshLink } from "./types";

const HEALTH: readonly [SiteHealth, ...SiteHealth[]] = ["up", "up", "up", "up", "up", "degraded", "down", "stale"];
const COUNTRIES: readonly [string, ...string[]] = [
  "FR",
  "DE",
  "PL",
  "ES",
  "PT",
  "IT",
  "NL",
  "US",
  "CA",
  "BR",
  "JP",
  "AU",
  "NZ",
  "ZA",
  "IN",
  "SG",
];
const GIB = 1024 ** 3;

export function syntheticFederation(count: number, seed = 20261128): { sites: MapSite[]; mesh: StoredMeshLink[] } {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly [T, ...T[]]): T => items[Math.floor(random() * items.length)] ?? items[0];
  const sites: MapSite[] = [];
  for (let i = 0; i < count; i++) {
    const role: SiteRole = i === 0 ? "primary" : i % 9 === 1 ? "regional_backup" : i % 3 === 0 ? "edge" : "remote";
    const tier = role === "primary" ? 1 : role === "edge" ? 3 : 1 + Math.floor(random() * 2);
    const nodeCount = tier === 3 ? 1 : 2 + Math.floor(random() * 3);
    // Inhabited latitudes, all longitudes: sites spread over the whole map, as a worst case.
    sites.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      clusterName: `site-${String(i).padStart(3, "0")}`,
      siteName: `Site ${i}`,
      role,
      tier,
      lat: -50 + random() * 115,
      lon: -180 + random() * 360,
      country: pick(COUNTRIES),
      region: null,
      powerGrid: `grid-${Math.floor(random() * 40)}`,
      isp: `isp-${Math.floor(random() * 60)}`,
      health: i === 0 ? "up" : pick(HEALTH),
      lastSyncAt: new Date(Date.UTC(2026, 10, 28, 12, 0, 0)).toISOString(),
      nodes: Array.from({ length: nodeCount }, (_, n) => ({
        name: `s${i}-pve${n + 1}`,
        online: random() > 0.05,
        memoryBytes: (tier === 1 ? 128 : tier === 2 ? 64 : 16) * GIB,
      })),
      guests: { total: Math.floor(random() * 60), running: 0 },
      revenueThisMonth: null,
    });
  }
  for (const site of sites) site.guests.running = Math.floor(site.guests.total * 0.8);
  // A mesh overlay among the first few sites, like an admin would draw between busy ones.
  const mesh: StoredMeshLink[] = [];
  for (let i = 1; i + 1 < Math.min(count, 40); i += 2) {
    const a = sites[i];
    const b = sites[i + 1];
    if (a && b)
      mesh.push({
        id: `mesh-${i}`,
        clusterAId: a.id,
        clusterBId: b.id,
        measuredLatencyMs: random() > 0.5 ? Math.round(5 + random() * 200) : null,
      });
  }
  return { sites, mesh };
}
