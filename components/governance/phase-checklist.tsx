"use client";
import { FormattedDate } from "@/components/ui/formatted-date";
import { Notice } from "@/components/ui/notice";
import { setPhaseDoneAction } from "@/lib/governance/actions";
import { useServerAction } from "@/components/ui/use-server-action";

export interface PhaseRow {
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  completedAt: Date | null;
}

export function PhaseChecklist({
  proposalId,
  phases,
  editable,
}: {
  proposalId: string;
  phases: PhaseRow[];
  editable: boolean;
}) {
  // The outcome shows inline, beside the control that caused it.
  const { pending, message, run } = useServerAction({ toast: false });
  const error = message?.text ?? null;
  if (phases.length === 0) return <p className="text-sm text-muted">No phases planned.</p>;
  return (
    <div className="space-y-2">
      <ol className="space-y-2" aria-label="Phases">
        {phases.map((phase) => (
          <li key={phase.id} className="flex items-start gap-3 rounded-md border border-border p-3">
            <input
              type="checkbox"
              className="mt-1 size-5"
              aria-label={`${phase.name} done`}
              checked={Boolean(phase.completedAt)}
              disabled={!editable || pending}
              onChange={(event) =>
                run(() => setPhaseDoneAction({ proposalId, phaseId: phase.id, done: event.target.checked }))
              }
            />
            <div className="min-w-0 text-sm">
              <p className={`font-medium ${phase.completedAt ? "line-through text-muted" : ""}`}>{phase.name}</p>
              <p className="text-xs text-muted">
                <FormattedDate value={phase.startsAt} withTime={false} /> →{" "}
                <FormattedDate value={phase.endsAt} withTime={false} />
                {phase.completedAt && (
                  <>
                    {" "}
                    · done <FormattedDate value={phase.completedAt} />
                  </>
                )}
              </p>
            </div>
          </li>
        ))}
      </ol>
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
