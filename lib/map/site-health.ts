// What a marker's colour says. Sync records `health` after each attempt, but if the sync itself
// stops (worker down), health keeps its last value forever: staleness catches that.
import type { ClusterHealth } from "@/generated/prisma/enums";

export type SiteHealth = "up" | "degraded" | "down" | "stale";

/** Missing this many sync intervals in a row makes a site stale: one late sync is normal jitter. */
export const STALE_AFTER_INTERVALS = 3;

export function siteHealth(input: {
  health: ClusterHealth;
  lastSyncAt: Date | null;
  syncIntervalSeconds: number;
  now: Date;
}): SiteHealth {
  // A failed last attempt is the most urgent fact, however old the last success is.
  if (input.health === "down") return "down";
  if (!input.lastSyncAt || input.health === "unknown") return "stale";
  const ageMs = input.now.getTime() - input.lastSyncAt.getTime();
  if (ageMs > STALE_AFTER_INTERVALS * input.syncIntervalSeconds * 1000) return "stale";
  return input.health === "degraded" ? "degraded" : "up";
}
