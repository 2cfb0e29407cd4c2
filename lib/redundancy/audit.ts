// The redundancy audit: every rule over one federation, a score, and the essay's phase reached.
import { edgePresenceRule, findPrimary, onePrimaryRule, regionalBackupRule, remoteSiteRule } from "./rules";
import { tierHardwareRule } from "./hardware";
import { phaseProgress } from "./phases";
import type { AuditReport, FederationSite, RuleId, RuleResult, RuleStatus } from "./types";

// What each rule is worth. The three placement rules carry the redundancy; hardware matters but a
// small shortfall is not a single point of failure; edge nodes are advisory in the essay.
export const RULE_WEIGHTS: Readonly<Record<RuleId, number>> = {
  "one-primary": 25,
  "regional-backup": 25,
  "remote-site": 25,
  "tier-hardware": 15,
  "edge-presence": 10,
};

const CREDIT: Readonly<Record<RuleStatus, number>> = { pass: 1, advise: 0.5, fail: 0 };

export function scoreOf(rules: readonly RuleResult[]): number {
  const total = rules.reduce((sum, rule) => sum + RULE_WEIGHTS[rule.id], 0);
  if (total === 0) return 0;
  const earned = rules.reduce((sum, rule) => sum + RULE_WEIGHTS[rule.id] * CREDIT[rule.status], 0);
  return Math.round((earned / total) * 100);
}

export function auditFederation(sites: readonly FederationSite[]): AuditReport {
  const lookup = findPrimary(sites);
  const rules: RuleResult[] = [
    onePrimaryRule(sites),
    regionalBackupRule(sites, lookup),
    remoteSiteRule(sites, lookup),
    edgePresenceRule(sites),
    tierHardwareRule(sites),
  ];
  return { rules, score: scoreOf(rules), phase: phaseProgress(sites, rules) };
}
