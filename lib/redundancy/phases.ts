// The essay's path: foundation → expansion → federation → sovereignty, judged from the rules. The
// essay's economic and compliance milestones are not measurable yet, so each phase asks for the
// topology the essay describes for it.
import type { FederationSite, PhaseId, PhaseProgress, RuleId, RuleResult } from "./types";

export const PHASES: readonly PhaseId[] = ["foundation", "expansion", "federation", "sovereignty"];

export const PHASE_SUMMARY: Readonly<Record<PhaseId, string>> = {
  foundation: "A primary cluster, fully configured.",
  expansion: "A second cluster in another region: the regional backup.",
  federation: "Full geographic distribution: remote and edge sites, five sites or more.",
  sovereignty: "Every rule passes, across at least three jurisdictions.",
};

// "Deploy 3–5 additional clusters" after the primary and the backup.
export const FEDERATION_MIN_SITES = 5;
export const SOVEREIGNTY_MIN_COUNTRIES = 3;

function needsFor(phase: PhaseId, sites: readonly FederationSite[], rules: readonly RuleResult[]): string[] {
  const rule = (id: RuleId) => rules.find((r) => r.id === id);
  const unmet = (id: RuleId, acceptAdvice: boolean) => {
    const r = rule(id);
    return r && (r.status === "fail" || (!acceptAdvice && r.status === "advise")) ? [`${r.title}: ${r.reason}`] : [];
  };
  switch (phase) {
    case "foundation":
      return unmet("one-primary", false);
    case "expansion":
      return unmet("regional-backup", false);
    case "federation": {
      const needs = [...unmet("remote-site", true), ...unmet("edge-presence", false)];
      if (sites.length < FEDERATION_MIN_SITES)
        needs.push(`At least ${FEDERATION_MIN_SITES} sites: the federation has ${sites.length}.`);
      return needs;
    }
    case "sovereignty": {
      const needs = rules.filter((r) => r.status !== "pass").map((r) => `${r.title}: ${r.reason}`);
      const countries = new Set(sites.map((s) => s.country?.trim().toUpperCase()).filter(Boolean));
      if (countries.size < SOVEREIGNTY_MIN_COUNTRIES)
        needs.push(`Sites in at least ${SOVEREIGNTY_MIN_COUNTRIES} countries: the federation spans ${countries.size}.`);
      return needs;
    }
  }
}

/** Phases are cumulative: a later phase counts only once every earlier one is met. */
export function phaseProgress(sites: readonly FederationSite[], rules: readonly RuleResult[]): PhaseProgress {
  let reached: PhaseId | null = null;
  for (const phase of PHASES) {
    const needs = needsFor(phase, sites, rules);
    if (needs.length > 0) return { reached, next: { phase, needs } };
    reached = phase;
  }
  return { reached, next: null };
}
