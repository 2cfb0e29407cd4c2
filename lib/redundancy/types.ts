// The federation as the redundancy audit sees it: plain data, so every rule is a pure function
// that tests can feed constructed federations. lib/map/queries.ts builds it from the registry.
import type { SiteRole } from "@/generated/prisma/enums";

export type { SiteRole };

export interface FederationNode {
  name: string;
  /** Total RAM in bytes as Proxmox reports it (maxmem); null or 0 when never synced. */
  memoryBytes: number | null;
}

export interface FederationSite {
  id: string;
  /** The site's name as people say it ("Lyon"): reasons name sites by it. */
  name: string;
  role: SiteRole;
  /** 1 (largest) to 3 (smallest). */
  tier: number;
  /** Null when the site has no coordinates (yet); distance rules then say so. */
  lat: number | null;
  lon: number | null;
  /** ISO 3166-1 alpha-2: the jurisdiction. */
  country: string | null;
  powerGrid: string | null;
  isp: string | null;
  nodes: FederationNode[];
}

export type RuleStatus = "pass" | "fail" | "advise";

export type RuleId = "one-primary" | "regional-backup" | "remote-site" | "edge-presence" | "tier-hardware";

export interface RuleResult {
  id: RuleId;
  /** The rule itself, as the essay puts it. */
  title: string;
  status: RuleStatus;
  /** Why, in plain words, naming the sites and distances involved. */
  reason: string;
  /** The sites the reason is about, so the UI can highlight them. */
  siteIds: string[];
}

export type PhaseId = "foundation" | "expansion" | "federation" | "sovereignty";

export interface PhaseProgress {
  /** The furthest phase whose requirements all hold; null before the foundation. */
  reached: PhaseId | null;
  /** The phase after it and what it still needs; null once sovereignty is reached. */
  next: { phase: PhaseId; needs: string[] } | null;
}

export interface AuditReport {
  rules: RuleResult[];
  /** 0–100: each rule's weight, full for a pass, half for advice, none for a failure. */
  score: number;
  phase: PhaseProgress;
}

/** The essay's hardware floor per tier: every node of a tier-N site has at least this much RAM. */
export const TIER_MIN_RAM_GB: Readonly<Record<number, number>> = { 1: 64, 2: 32, 3: 16 };

export const REGIONAL_BACKUP_MIN_KM = 50;
export const REGIONAL_BACKUP_MAX_KM = 200;
export const REMOTE_MIN_KM = 500;
