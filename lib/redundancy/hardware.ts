// The tier hardware rule: every node of a site meets its tier's RAM floor, read from synced nodes.
import { gigabytes, plural } from "./words";
import { TIER_MIN_RAM_GB, type FederationSite, type RuleResult } from "./types";

// Floors are decimal gigabytes (64 × 10⁹ bytes). Proxmox reports the RAM the kernel sees, a little
// under the installed modules; a "64 GB" machine (64 GiB installed ≈ 68.7 × 10⁹ bytes) still
// reports well over 64 × 10⁹, while a 48 GiB machine does not. So the floor is exact in practice.
const BYTES_PER_GB = 1e9;
// Long federations would make the reason a wall of text; the rest are counted.
const MAX_LISTED = 4;

export function tierHardwareRule(sites: readonly FederationSite[]): RuleResult {
  const title = "Every node meets its tier's RAM: 64 GB for tier 1, 32 GB for tier 2, 16 GB for tier 3";
  const shortfalls: Array<{ siteId: string; text: string }> = [];
  const unknown: Array<{ siteId: string; text: string }> = [];

  for (const site of sites) {
    const floor = TIER_MIN_RAM_GB[site.tier];
    if (floor === undefined) {
      unknown.push({
        siteId: site.id,
        text: `${site.name} has tier ${site.tier}, which has no hardware floor (tiers are 1, 2 and 3)`,
      });
      continue;
    }
    if (site.nodes.length === 0) {
      unknown.push({ siteId: site.id, text: `${site.name} has no synced nodes yet` });
      continue;
    }
    for (const node of site.nodes) {
      if (!node.memoryBytes || node.memoryBytes <= 0)
        unknown.push({ siteId: site.id, text: `node ${node.name} of ${site.name} reports no memory size` });
      else if (node.memoryBytes < floor * BYTES_PER_GB) {
        shortfalls.push({
          siteId: site.id,
          text: `node ${node.name} of ${site.name} has ${gigabytes(node.memoryBytes)} of RAM; tier ${site.tier} needs ${floor} GB`,
        });
      }
    }
  }

  const listed = (items: Array<{ text: string }>) => {
    const shown = items.slice(0, MAX_LISTED).map((i) => i.text);
    const rest = items.length - shown.length;
    return rest > 0 ? `${shown.join("; ")}; and ${plural(rest, "more", "more")}` : shown.join("; ");
  };
  const ids = (items: Array<{ siteId: string }>) => [...new Set(items.map((i) => i.siteId))];
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

  if (shortfalls.length > 0) {
    const unknownNote = unknown.length > 0 ? ` Not known yet: ${listed(unknown)}.` : "";
    return {
      id: "tier-hardware",
      title,
      status: "fail",
      siteIds: ids(shortfalls),
      reason: `${capital(listed(shortfalls))}.${unknownNote}`,
    };
  }
  if (unknown.length > 0)
    return {
      id: "tier-hardware",
      title,
      status: "advise",
      siteIds: ids(unknown),
      reason: `Cannot confirm yet: ${listed(unknown)}.`,
    };
  if (sites.length === 0) return { id: "tier-hardware", title, status: "advise", siteIds: [], reason: "No sites yet." };
  const nodes = sites.reduce((sum, site) => sum + site.nodes.length, 0);
  return {
    id: "tier-hardware",
    title,
    status: "pass",
    siteIds: sites.map((s) => s.id),
    reason: `Every node (${nodes}) across ${plural(sites.length, "site")} meets its tier's RAM floor.`,
  };
}
