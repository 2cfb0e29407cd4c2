// The redundancy audit beside the map (compact) and as its own section (rules, reasons, phases).
import { Badge } from "@/components/ui/badge";
import { PHASE_SUMMARY, PHASES } from "@/lib/redundancy/phases";
import type { AuditReport, PhaseId, RuleId, RuleStatus } from "@/lib/redundancy/types";

const STATUS_TONE = { pass: "ok", fail: "danger", advise: "warn" } as const satisfies Record<RuleStatus, string>;
const STATUS_WORD: Record<RuleStatus, string> = { pass: "Pass", fail: "Fail", advise: "Advice" };
const STATUS_ICON: Record<RuleStatus, string> = { pass: "✓", fail: "✕", advise: "!" };
const SHORT_TITLE: Record<RuleId, string> = {
  "one-primary": "One primary",
  "regional-backup": "Regional backup",
  "remote-site": "Remote site",
  "edge-presence": "Edge presence",
  "tier-hardware": "Tier hardware",
};
const PHASE_NAME: Record<PhaseId, string> = {
  foundation: "Foundation",
  expansion: "Expansion",
  federation: "Federation",
  sovereignty: "Sovereignty",
};

function scoreTone(score: number) {
  return score >= 90 ? "text-ok" : score >= 60 ? "text-warn" : "text-danger";
}

export function AuditSummary({ report }: { report: AuditReport }) {
  const failing = report.rules.filter((r) => r.status === "fail").length;
  return (
    <section aria-labelledby="audit-summary-title" data-testid="audit-summary" className="space-y-3">
      <header className="flex items-baseline justify-between gap-2">
        <h2 id="audit-summary-title" className="text-base font-semibold">
          Redundancy audit
        </h2>
        <p className="text-sm">
          <span className={`text-2xl font-semibold tabular-nums ${scoreTone(report.score)}`} data-testid="audit-score">
            {report.score}
          </span>
          <span className="text-muted">/100</span>
        </p>
      </header>
      <p className="text-sm text-muted">
        {report.phase.reached ? (
          <>
            Phase reached: <strong className="text-text">{PHASE_NAME[report.phase.reached]}</strong>
          </>
        ) : (
          "No phase reached yet"
        )}
        {failing > 0 && ` · ${failing} rule${failing === 1 ? "" : "s"} failing`}
      </p>
      <ul className="space-y-2" aria-label="Audit rules">
        {report.rules.map((rule) => (
          <li
            key={rule.id}
            className="flex gap-2 text-sm"
            data-testid={`audit-rule-${rule.id}`}
            data-status={rule.status}
          >
            <span
              aria-hidden
              className={`mt-0.5 grid size-5 shrink-0 place-items-center rounded-full border text-[11px] font-bold ${rule.status === "pass" ? "border-ok/40 text-ok" : rule.status === "fail" ? "border-danger/40 text-danger" : "border-warn/40 text-warn"}`}
            >
              {STATUS_ICON[rule.status]}
            </span>
            <div className="min-w-0">
              <p className="font-medium">
                {SHORT_TITLE[rule.id]} <span className="sr-only">— {STATUS_WORD[rule.status]}</span>
              </p>
              <p className="text-xs text-muted">{rule.reason}</p>
            </div>
          </li>
        ))}
      </ul>
      <a href="#audit" className="inline-block text-sm text-accent hover:underline">
        The full audit and the phases ↓
      </a>
    </section>
  );
}

export function AuditSection({ report }: { report: AuditReport }) {
  const reachedIndex = report.phase.reached ? PHASES.indexOf(report.phase.reached) : -1;
  return (
    <div className="space-y-6" data-testid="audit-section">
      <div>
        <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-muted">Rules</h3>
        <ul className="divide-y divide-border">
          {report.rules.map((rule) => (
            <li key={rule.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:gap-4">
              <div className="sm:w-24 sm:shrink-0">
                <Badge tone={STATUS_TONE[rule.status]}>{STATUS_WORD[rule.status]}</Badge>
              </div>
              <div className="min-w-0">
                <p className="font-medium">{rule.title}</p>
                <p className="text-sm text-muted">{rule.reason}</p>
              </div>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-muted">Phases</h3>
        <ol className="grid gap-2 sm:grid-cols-4" aria-label="Phases">
          {PHASES.map((phase, index) => {
            const state = index <= reachedIndex ? "reached" : index === reachedIndex + 1 ? "next" : "later";
            return (
              <li
                key={phase}
                data-testid={`phase-${phase}`}
                data-state={state}
                className={`rounded-md border p-3 text-sm ${state === "reached" ? "border-ok/50" : state === "next" ? "border-accent/60" : "border-border opacity-70"}`}
              >
                <p className="font-medium">
                  {index + 1}. {PHASE_NAME[phase]}{" "}
                  <span className="text-xs font-normal text-muted">
                    {state === "reached" ? "· reached" : state === "next" ? "· next" : ""}
                  </span>
                </p>
                <p className="mt-1 text-xs text-muted">{PHASE_SUMMARY[phase]}</p>
              </li>
            );
          })}
        </ol>
        {report.phase.next && (
          <div className="mt-3 rounded-md border border-border p-3 text-sm">
            <p className="font-medium">{PHASE_NAME[report.phase.next.phase]} still needs:</p>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-muted">
              {report.phase.next.needs.map((need) => (
                <li key={need}>{need}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
