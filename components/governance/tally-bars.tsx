// The live tally: the quorum bar with its mark, and for/against/abstain with the threshold mark.
import type { Tally } from "@/lib/governance/tally";
import { percent } from "./format";

function Bar({
  label,
  value,
  max,
  mark,
  markLabel,
  tone,
  testId,
}: {
  label: string;
  value: number;
  max: number;
  mark?: number;
  markLabel?: string;
  tone: string;
  testId: string;
}) {
  const width = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div
      className="relative h-3 w-full overflow-hidden rounded-full bg-bg"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      data-testid={testId}
    >
      <div className={`h-full ${tone}`} style={{ width: `${width}%` }} />
      {mark !== undefined && (
        <div className="absolute inset-y-0 w-0.5 bg-text" style={{ left: `${mark}%` }} title={markLabel} aria-hidden />
      )}
    </div>
  );
}

export function QuorumBar({
  tally,
  quorumPct,
  compact = false,
}: {
  tally: Tally;
  quorumPct: number;
  compact?: boolean;
}) {
  return (
    <div className="space-y-1">
      {!compact && (
        <div className="flex justify-between text-xs">
          <span>Participation</span>
          <span data-testid="participation">
            {percent(tally.participation)} of {quorumPct} % quorum {tally.quorumReached ? "✓" : ""}
          </span>
        </div>
      )}
      <Bar
        label="Participation toward quorum"
        value={tally.participating}
        max={tally.eligible}
        mark={quorumPct}
        markLabel={`quorum ${quorumPct} %`}
        tone={tally.quorumReached ? "bg-ok" : "bg-accent"}
        testId="quorum-bar"
      />
      {compact && (
        <p className="text-xs text-muted">
          {percent(tally.participation, 0)} voted · quorum {quorumPct} %
        </p>
      )}
    </div>
  );
}

export function TallyBars({
  tally,
  quorumPct,
  thresholdPct,
}: {
  tally: Tally;
  quorumPct: number;
  thresholdPct: number;
}) {
  const decisive = tally.for + tally.against;
  return (
    <div className="space-y-4">
      <QuorumBar tally={tally} quorumPct={quorumPct} />
      <div className="space-y-1">
        <div className="flex justify-between text-xs">
          <span>For among for + against</span>
          <span data-testid="support">
            {percent(tally.support)} (needs {thresholdPct} %) {tally.thresholdReached ? "✓" : ""}
          </span>
        </div>
        <Bar
          label="Support toward threshold"
          value={tally.for}
          max={decisive}
          mark={thresholdPct}
          markLabel={`threshold ${thresholdPct} %`}
          tone="bg-ok"
          testId="support-bar"
        />
      </div>
      <dl className="grid grid-cols-3 gap-2 text-center text-sm" data-testid="tally-counts">
        {(["for", "against", "abstain"] as const).map((choice) => (
          <div key={choice} className="rounded-md border border-border p-2">
            <dt className="text-xs text-muted">{choice}</dt>
            <dd className="font-semibold" data-testid={`tally-${choice}`}>
              {percent(tally.eligible > 0 ? tally[choice] / tally.eligible : null)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted">Shares of the eligible weight. Abstentions count toward quorum only.</p>
    </div>
  );
}
