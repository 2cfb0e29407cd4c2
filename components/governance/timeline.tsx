import { FormattedDate } from "@/components/ui/formatted-date";
import { ACTION_LABELS } from "./format";

export function Timeline({ events }: { events: { seq: string; at: Date; action: string; actor: string }[] }) {
  if (events.length === 0) return <p className="text-sm text-muted">Nothing yet.</p>;
  return (
    <ol className="space-y-2 border-l border-border pl-4 text-sm" aria-label="Timeline">
      {events.map((e) => (
        <li key={e.seq} className="relative">
          <span className="absolute -left-[1.3rem] top-1.5 size-2 rounded-full bg-accent" aria-hidden />
          <p className="font-medium">{ACTION_LABELS[e.action] ?? e.action}</p>
          <p className="text-xs text-muted">
            <FormattedDate value={e.at} /> · {e.actor}
          </p>
        </li>
      ))}
    </ol>
  );
}
