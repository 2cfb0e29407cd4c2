// The essay's distribution rules, one pure function each. Missing data (a site without
// coordinates, an unrecorded ISP, a node never synced) never passes a rule; it is advice to fill
// in the gap unless a known fact already fails the rule.
import { haversineKm, isValidLatLon } from "@/lib/geo/distance";
import { km, listOf, plural, sameLabel, shortList } from "./words";
import {
  REGIONAL_BACKUP_MAX_KM,
  REGIONAL_BACKUP_MIN_KM,
  REMOTE_MIN_KM,
  type FederationSite,
  type RuleResult,
  type RuleStatus,
} from "./types";

export type PrimaryLookup = { primary: FederationSite; problem: null } | { primary: null; problem: string };

/** The one primary, or why there is none to measure from. */
export function findPrimary(sites: readonly FederationSite[]): PrimaryLookup {
  const primaries = sites.filter((site) => site.role === "primary");
  const [only] = primaries;
  if (primaries.length === 1 && only) return { primary: only, problem: null };
  if (primaries.length === 0) return { primary: null, problem: "there is no primary site to measure from" };
  return {
    primary: null,
    problem: `there are ${primaries.length} primaries (${shortList(primaries.map((p) => p.name))}), so there is no single site to measure from`,
  };
}

/** Kilometres between two sites, or null when either has no coordinates. */
export function siteDistanceKm(a: FederationSite, b: FederationSite): number | null {
  const from = { lat: a.lat, lon: a.lon };
  const to = { lat: b.lat, lon: b.lon };
  return isValidLatLon(from) && isValidLatLon(to) ? haversineKm(from, to) : null;
}

export function onePrimaryRule(sites: readonly FederationSite[]): RuleResult {
  const primaries = sites.filter((site) => site.role === "primary");
  const base = { id: "one-primary", title: "Exactly one primary site", siteIds: primaries.map((p) => p.id) } as const;
  if (primaries.length === 1) return { ...base, status: "pass", reason: `${primaries[0]?.name} is the primary.` };
  if (primaries.length === 0)
    return {
      ...base,
      status: "fail",
      reason: "No site is marked primary. Mark your main location, with the largest hardware, as the primary.",
    };
  return {
    ...base,
    status: "fail",
    reason: `${plural(primaries.length, "site")} are marked primary: ${shortList(primaries.map((p) => p.name))}. Keep one primary and give the others another role.`,
  };
}

/** A distance check needs the primary's coordinates too; this says what is missing, if anything. */
function primaryProblem(lookup: PrimaryLookup): string | null {
  if (!lookup.primary) return lookup.problem;
  if (!isValidLatLon({ lat: lookup.primary.lat, lon: lookup.primary.lon }))
    return `primary ${lookup.primary.name} has no coordinates`;
  return null;
}

interface Verdict {
  site: FederationSite;
  /** Known facts that break the rule. */
  problems: string[];
  /** Facts not recorded, so the rule cannot be confirmed. */
  unknowns: string[];
  sentence: string;
}

// A federation with dozens of backups would otherwise get a paragraph per site.
const MAX_SENTENCES = 3;

function sentences(verdicts: Verdict[]): string {
  const shown = verdicts.slice(0, MAX_SENTENCES).map((v) => v.sentence);
  const rest = verdicts.length - shown.length;
  return rest > 0
    ? `${shown.join(" ")} And ${plural(rest, "more site")} like ${rest === 1 ? "it" : "them"}.`
    : shown.join(" ");
}

function combine(verdicts: Verdict[]): { status: RuleStatus; reason: string } {
  const passing = verdicts.filter((v) => v.problems.length === 0 && v.unknowns.length === 0);
  if (passing.length > 0) return { status: "pass", reason: sentences(passing) };
  // Sites that may yet qualify (only facts missing) come first: they are the quickest fix.
  const uncertain = verdicts.filter((v) => v.problems.length === 0);
  const ordered = [...uncertain, ...verdicts.filter((v) => v.problems.length > 0)];
  return { status: uncertain.length > 0 ? "advise" : "fail", reason: sentences(ordered) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function regionalBackupRule(sites: readonly FederationSite[], lookup: PrimaryLookup): RuleResult {
  const backups = sites.filter((site) => site.role === "regional_backup");
  const base = {
    id: "regional-backup",
    title: `A regional backup ${REGIONAL_BACKUP_MIN_KM}–${REGIONAL_BACKUP_MAX_KM} km from the primary, on a different power grid and ISP`,
    siteIds: backups.map((b) => b.id),
  } as const;
  const missing = primaryProblem(lookup);
  if (missing || !lookup.primary)
    return { ...base, status: "fail", reason: `The regional backup cannot be checked: ${missing ?? lookup.problem}.` };
  const primary = lookup.primary;
  if (backups.length === 0) {
    return {
      ...base,
      status: "fail",
      reason: `No regional backup. Add a site ${REGIONAL_BACKUP_MIN_KM}–${REGIONAL_BACKUP_MAX_KM} km from primary ${primary.name}, on a different power grid and ISP.`,
    };
  }

  const verdicts = backups.map((backup): Verdict => {
    const problems: string[] = [];
    const unknowns: string[] = [];
    const distance = siteDistanceKm(primary, backup);
    let sentence: string;
    if (distance === null) {
      unknowns.push("coordinates");
      sentence = `regional backup ${backup.name} has no coordinates, so its distance from primary ${primary.name} is unknown`;
    } else if (distance < REGIONAL_BACKUP_MIN_KM || distance > REGIONAL_BACKUP_MAX_KM) {
      problems.push("distance");
      sentence = `regional backup ${backup.name} is ${km(distance)} from primary ${primary.name}; it should be ${REGIONAL_BACKUP_MIN_KM}–${REGIONAL_BACKUP_MAX_KM} km`;
    } else {
      sentence = `regional backup ${backup.name} is ${km(distance)} from primary ${primary.name}`;
    }

    const shared: string[] = [];
    const unrecorded: string[] = [];
    const different: string[] = [];
    for (const [label, mine, theirs] of [
      ["power grid", backup.powerGrid, primary.powerGrid],
      ["ISP", backup.isp, primary.isp],
    ] as const) {
      const same = sameLabel(mine, theirs);
      if (same === null) unrecorded.push(label);
      else if (same) shared.push(`${label} ${mine?.trim()}`);
      else different.push(`${label} (${mine?.trim()}, not ${theirs?.trim()})`);
    }
    if (shared.length > 0) {
      problems.push("shared");
      sentence += `. It shares ${listOf(shared)} with ${primary.name}`;
    }
    if (unrecorded.length > 0) {
      unknowns.push("labels");
      sentence += `. The ${listOf(unrecorded)} of ${backup.name} or ${primary.name} ${unrecorded.length === 1 ? "is" : "are"} not recorded, so a different one cannot be confirmed`;
    }
    if (problems.length === 0 && unknowns.length === 0) sentence += `, on another ${listOf(different)}`;
    return { site: backup, problems, unknowns, sentence: `${capitalise(sentence)}.` };
  });
  return { ...base, ...combine(verdicts) };
}

export function remoteSiteRule(sites: readonly FederationSite[], lookup: PrimaryLookup): RuleResult {
  const remotes = sites.filter((site) => site.role === "remote");
  const base = {
    id: "remote-site",
    title: `At least one remote site ${REMOTE_MIN_KM} km or more from the primary, preferably in another country`,
    siteIds: remotes.map((r) => r.id),
  } as const;
  const missing = primaryProblem(lookup);
  if (missing || !lookup.primary)
    return { ...base, status: "fail", reason: `Remote sites cannot be checked: ${missing ?? lookup.problem}.` };
  const primary = lookup.primary;
  if (remotes.length === 0) {
    return {
      ...base,
      status: "fail",
      reason: `No remote site. Add one ${REMOTE_MIN_KM} km or more from primary ${primary.name}, preferably in another country.`,
    };
  }

  const measured = remotes.map((site) => ({ site, distance: siteDistanceKm(primary, site) }));
  const far = measured.filter(
    (m): m is { site: FederationSite; distance: number } => m.distance !== null && m.distance >= REMOTE_MIN_KM,
  );
  const abroad = far.filter((m) => sameLabel(m.site.country, primary.country) === false);
  const describe = (m: { site: FederationSite; distance: number }) =>
    `${m.site.name} (${km(m.distance)}${m.site.country ? `, ${m.site.country.toUpperCase()}` : ""})`;

  if (abroad.length > 0) {
    const ids = abroad.map((m) => m.site.id);
    const [one] = abroad;
    const reason =
      abroad.length === 1 && one
        ? `Remote ${one.site.name} is ${km(one.distance)} from primary ${primary.name}, in another country (${one.site.country?.toUpperCase()}).`
        : `${plural(abroad.length, "remote site")} are ${REMOTE_MIN_KM} km or more from primary ${primary.name}, in other countries: ${shortList(abroad.map(describe))}.`;
    return { ...base, siteIds: ids, status: "pass", reason };
  }
  if (far.length > 0) {
    return {
      ...base,
      siteIds: far.map((m) => m.site.id),
      status: "advise",
      reason: `${shortList(far.map(describe))} ${far.length === 1 ? "is" : "are"} far enough from primary ${primary.name} but not recorded in another country (${primary.country?.toUpperCase() ?? "unknown"}); a remote site in another jurisdiction is preferred.`,
    };
  }
  const near = measured
    .filter((m) => m.distance !== null)
    .map((m) => `remote ${m.site.name} is ${km(m.distance ?? 0)}`);
  const unplaced = measured.filter((m) => m.distance === null).map((m) => m.site.name);
  const parts = [`No remote site is ${REMOTE_MIN_KM} km or more from primary ${primary.name}`];
  if (near.length > 0) parts.push(`: ${shortList(near)}`);
  const sentence = `${parts.join("")}.${unplaced.length > 0 ? ` ${shortList(unplaced)} ${unplaced.length === 1 ? "has" : "have"} no coordinates.` : ""}`;
  // A remote without coordinates might be far enough: ask for the data rather than fail.
  return { ...base, status: near.length > 0 && unplaced.length === 0 ? "fail" : "advise", reason: sentence };
}

export function edgePresenceRule(sites: readonly FederationSite[]): RuleResult {
  const edges = sites.filter((site) => site.role === "edge");
  const base = {
    id: "edge-presence",
    title: "Edge nodes present (advisory)",
    siteIds: edges.map((e) => e.id),
  } as const;
  if (edges.length === 0)
    return {
      ...base,
      status: "advise",
      reason: "No edge site. Lightweight edge nodes near users cut latency and add presence; consider one.",
    };
  return {
    ...base,
    status: "pass",
    reason: `${plural(edges.length, "edge site")}: ${shortList(edges.map((e) => e.name))}.`,
  };
}
