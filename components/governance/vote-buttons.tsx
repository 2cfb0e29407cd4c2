"use client";
// Voting in one tap from the proposal page (the list is the first tap): three large targets,
// the current choice marked, changeable until the window closes.
import { castVoteAction } from "@/lib/governance/actions";
import type { VoteChoice } from "@/lib/governance/tally";
import { useServerAction } from "@/components/ui/use-server-action";

const CHOICES: { value: VoteChoice; label: string; tone: string }[] = [
  { value: "for", label: "For", tone: "aria-pressed:bg-ok aria-pressed:text-white aria-pressed:border-ok" },
  {
    value: "against",
    label: "Against",
    tone: "aria-pressed:bg-danger aria-pressed:text-white aria-pressed:border-danger",
  },
  {
    value: "abstain",
    label: "Abstain",
    tone: "aria-pressed:bg-muted aria-pressed:text-white aria-pressed:border-muted",
  },
];

export function VoteButtons({ proposalId, current }: { proposalId: string; current: VoteChoice | null }) {
  // The outcome shows inline, beside the control that caused it.
  const { pending, message, run } = useServerAction({ toast: false });
  const error = message?.text ?? null;
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-3 gap-2" role="group" aria-label="Your vote">
        {CHOICES.map((choice) => (
          <button
            key={choice.value}
            type="button"
            aria-pressed={current === choice.value}
            disabled={pending}
            onClick={() => run(() => castVoteAction({ proposalId, choice: choice.value }))}
            className={`min-h-14 rounded-lg border border-border bg-surface text-base font-semibold transition hover:bg-bg disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-accent ${choice.tone}`}
          >
            {choice.label}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="text-xs text-muted">
        {error ? (
          <span className="text-danger">{error}</span>
        ) : pending ? (
          "Saving your vote…"
        ) : current ? (
          `You voted ${current}. You can change it until voting closes.`
        ) : (
          "You have not voted yet."
        )}
      </p>
    </div>
  );
}
