"use client";
// A plan's own buttons: Apply all (the worker applies the pending moves one after another) and
// Propose as a vote (an economic proposal with one phase per group of moves, opened at once).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { applyAllMovesAction, proposePlanAction } from "@/lib/placement/apply/actions";

export function PlanButtons({
  planId,
  pending: pendingMoves,
  canApplyAll,
  canPropose,
}: {
  planId: string;
  pending: number;
  canApplyAll: boolean;
  canPropose: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  // The outcome shows inline, under the buttons; field errors stay in the open dialog.
  const { pending: busy, message, fieldErrors, run } = useServerAction({ toast: false });

  function applyAll() {
    run(() => applyAllMovesAction({ planId }), {
      success: (data) =>
        `Queued: the worker applies ${data.pending === 1 ? "the pending move" : `${data.pending} pending moves, one after another`}.`,
    });
  }

  function propose(form: FormData) {
    run(
      () =>
        proposePlanAction({
          planId,
          closesInHours: form.get("closesInHours"),
          movesPerPhase: form.get("movesPerPhase"),
          phaseHours: form.get("phaseHours"),
        }),
      {
        refresh: false,
        // A refusal without field errors is not about the form: close it and say why below.
        onFailure: (_, errors) => {
          if (!errors) setOpen(false);
        },
        onSuccess: (data) => {
          setOpen(false);
          router.push(`/governance/${data.proposalId}`);
        },
      },
    );
  }

  const field = (name: string, label: string, value: number, hint: string) => (
    <label className="block text-sm">
      <span className="font-medium">{label}</span>
      <input
        name={name}
        type="number"
        inputMode="numeric"
        defaultValue={value}
        min={0}
        className="mt-1 block min-h-10 w-full rounded-md border border-border bg-bg px-3"
        aria-describedby={`${name}-hint`}
      />
      <span id={`${name}-hint`} className="mt-1 block text-xs text-muted">
        {hint}
      </span>
      <FieldError id={`${name}-error`} errors={fieldErrors[name]} />
    </label>
  );

  if (!canApplyAll && !canPropose) return null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {canApplyAll && (
          <ConfirmButton
            label="Apply all"
            title={`Apply ${pendingMoves === 1 ? "the pending move" : `all ${pendingMoves} pending moves`}?`}
            body="The worker migrates the guests one after another, each to the cluster the plan chose. A failed move stops the rest until it is retried or skipped."
            confirmLabel="Apply all"
            variant="secondary"
            pending={busy}
            onConfirm={applyAll}
          />
        )}
        {canPropose && (
          <Button type="button" variant="secondary" pending={busy} onClick={() => setOpen(true)}>
            Propose as a vote
          </Button>
        )}
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <Dialog open={open} onClose={() => setOpen(false)} title="Propose as a vote">
        <form action={propose} className="mt-2 space-y-4">
          <p className="text-sm text-muted">
            Opens an economic vote with the plan attached and every move listed. If it passes and implementation starts,
            the moves are applied phase by phase.
          </p>
          {field("closesInHours", "Voting lasts (hours)", 72, "From now; 1 to 720.")}
          {field("movesPerPhase", "Moves per phase", 5, "Each phase applies this many moves, in order.")}
          {field(
            "phaseHours",
            "Hours between phases",
            24,
            "Phase 1 starts when the vote closes; 0 runs them back to back.",
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={busy}>
              Open the vote
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
