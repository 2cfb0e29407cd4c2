"use client";
import { Button } from "@/components/ui/button";
import { inlineControlClass } from "@/components/ui/field";

export interface PhaseDraft {
  key: number;
  name: string;
  startsAt: string; // yyyy-mm-dd
  endsAt: string;
}

const DAY = 86_400_000;
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

function plusDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The implementation plan, one row per phase; a new phase starts where the previous one ends. */
export function PhaseRows({
  phases,
  onChange,
  errors,
}: {
  phases: PhaseDraft[];
  onChange: (phases: PhaseDraft[]) => void;
  errors: Record<string, string[]>;
}) {
  const update = (key: number, patch: Partial<PhaseDraft>) =>
    onChange(phases.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const add = () => {
    const start = phases.at(-1)?.endsAt || today();
    onChange([
      ...phases,
      { key: Math.max(-1, ...phases.map((p) => p.key)) + 1, name: "", startsAt: start, endsAt: plusDays(start, 10) },
    ]);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Implementation plan</legend>
      {phases.length === 0 && (
        <p className="text-xs text-muted">
          No phases yet. For example three phases of ten days: “phased over 30 days”.
        </p>
      )}
      {phases.map((phase, index) => {
        const rowErrors = ["name", "startsAt", "endsAt"].flatMap((field) => errors[`phases.${index}.${field}`] ?? []);
        return (
          <div key={phase.key} className="space-y-1 rounded-md border border-border p-2">
            <div className="grid gap-2 sm:grid-cols-[1fr_9.5rem_9.5rem_auto]">
              <input
                aria-label={`Phase ${index + 1} name`}
                placeholder={`Phase ${index + 1}`}
                className={inlineControlClass}
                value={phase.name}
                maxLength={120}
                onChange={(e) => update(phase.key, { name: e.target.value })}
              />
              <input
                aria-label={`Phase ${index + 1} start`}
                type="date"
                className={inlineControlClass}
                value={phase.startsAt}
                onChange={(e) => update(phase.key, { startsAt: e.target.value })}
              />
              <input
                aria-label={`Phase ${index + 1} end`}
                type="date"
                className={inlineControlClass}
                value={phase.endsAt}
                onChange={(e) => update(phase.key, { endsAt: e.target.value })}
              />
              <Button type="button" variant="ghost" onClick={() => onChange(phases.filter((p) => p.key !== phase.key))}>
                Remove
              </Button>
            </div>
            {rowErrors.length > 0 && (
              <p aria-live="polite" className="text-xs text-danger">
                {rowErrors.join(" ")}
              </p>
            )}
          </div>
        );
      })}
      <Button type="button" variant="secondary" onClick={add}>
        Add phase
      </Button>
    </fieldset>
  );
}
