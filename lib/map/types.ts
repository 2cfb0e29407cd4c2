// What the map page hands its client components: plain, serialisable data (numbers and ISO
// strings). Components format it; lib/map/queries.ts and the bench's synthetic federation fill it.
import type { SiteRole } from "@/generated/prisma/enums";
import type { SiteHealth } from "./site-health";

export type { SiteHealth, SiteRole };

export interface MapNode {
  name: string;
  online: boolean;
  /** Total RAM in bytes (Proxmox maxmem); 0 when never synced. */
  memoryBytes: number;
}

export interface MapSite {
  /** The cluster's id: /clusters/<id>. */
  id: string;
  clusterName: string;
  siteName: string;
  role: SiteRole;
  tier: number;
  lat: number | null;
  lon: number | null;
  country: string | null;
  region: string | null;
  powerGrid: string | null;
  isp: string | null;
  health: SiteHealth;
  /** ISO; null when never synced. */
  lastSyncAt: string | null;
  nodes: MapNode[];
  guests: { total: number; running: number };
  /**
   * Revenue recorded for this calendar month (UTC) in the earnings ledger, in USD; null when the
   * ledger has nothing for the site this month. `unpricedEntries` have no price yet and are not in
   * `usd`, so the panel says so rather than showing a low number as if complete.
   */
  revenueThisMonth: { usd: number; unpricedEntries: number } | null;
}

export interface MapLink {
  /** "spoke:<siteId>" for the default topology, the MeshLink id for a mesh link. */
  id: string;
  kind: "spoke" | "mesh";
  fromId: string;
  toId: string;
  /** Great-circle distance; null when either site has no coordinates. */
  distanceKm: number | null;
  /** Measured by an admin; null when not measured. */
  measuredLatencyMs: number | null;
}

export interface MapData {
  sites: MapSite[];
  links: MapLink[];
}

/** A mesh link as stored, before it is joined with the sites. */
export interface StoredMeshLink {
  id: string;
  clusterAId: string;
  clusterBId: string;
  measuredLatencyMs: number | null;
}
