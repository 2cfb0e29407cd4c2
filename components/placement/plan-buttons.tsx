"use client";
// A plan's own buttons: Apply all (the worker applies the pending moves one after another) and
// Propose as a vote (an economic proposal with one phase per group of moves, opened at once).
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
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
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  function applyAll() {
    setMessage(null);
    startTransition(async () => {
      const result = await applyAllMovesAction({ planId });
      setMessage(
        result.ok
          ? {
              tone: "ok",
              text: `Queued: the worker applies ${result.data.pending === 1 ? "the pending move" : `${result.data.pending} pending moves, one after another`}.`,
            }
          : { tone: "error", text: result.message },
      );
      router.refresh();
    });
  }

  function propose(form: FormData) {
    setMessage(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await proposePlanAction({
        planId,
        closesInHours: form.get("closesInHours"),
        movesPerPhase: form.get("movesPerPhase"),
        phaseHours: form.get("phaseHours"),
      });
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) {
          dialog.current?.close();
          setMessage({ tone: "error", text: result.message });
        }
        return;
      }
      dialog.current?.close();
      router.push(`/governance/${result.data.proposalId}`);
    });
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
      {fieldErrors[name]?.map((e) => (
        <span key={e} className="mt-1 block text-xs text-danger" aria-live="polite">
          {e}
        </span>
      ))}
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
          <Button type="button" variant="secondary" pending={busy} onClick={() => dialog.current?.showModal()}>
            Propose as a vote
          </Button>
        )}
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <dialog
        ref={dialog}
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-lg border border-border bg-surface p-5 text-text backdrop:bg-black/50"
        aria-label="Propose as a vote"
      >
        <form action={propose} className="space-y-4">
          <h2 className="text-lg font-semibold">Propose as a vote</h2>
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
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" pending={busy}>
              Open the vote
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
