"use client";
// One move of a plan: guest, from → to, gain, the engine's reason and numbers, what ruled other
// clusters out, its status and task; Apply (after a confirmation that says what happens), Retry,
// Skip. The buttons appear only where the move and the member's role allow them.
import { Usd } from "@/components/earnings/money";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormattedDate } from "@/components/ui/formatted-date";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/actions/result";
import { applyMoveAction, skipMoveAction } from "@/lib/placement/apply/actions";
import type { MoveBreakdown } from "@/lib/placement/plans/move-reason";
import type { PlanMoveView } from "@/lib/placement/plans/queries";
import { MoveProgress } from "./move-progress";
import { MOVE_STATUS, REVENUE_SOURCE } from "./plan-status";

function Breakdown({ label, b }: { label: string; b: MoveBreakdown | null }) {
  if (!b) return null;
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-sm">
        <Usd value={b.netUsd} /> net/month
        <span className="block text-xs text-muted">
          <Usd value={b.revenueUsd} /> revenue ({REVENUE_SOURCE[b.revenueSource] ?? b.revenueSource}) −{" "}
          <Usd value={b.powerCostUsd} /> power
        </span>
      </dd>
    </div>
  );
}

export function MoveCard({
  move,
  clusterNames,
  canApply,
  locked,
}: {
  move: PlanMoveView;
  clusterNames: Record<string, string>;
  canApply: boolean;
  locked: string | null;
}) {
  // A refusal shows inline on the card it concerns; a success shows as the move's new status.
  const { pending, message, run: runAction } = useServerAction({ toast: false });
  const error = message?.text ?? null;
  const status = MOVE_STATUS[move.status];

  const run = (call: () => Promise<ActionResult<unknown>>) => runAction(call);

  const actionable = canApply && !locked && (move.status === "pending" || move.status === "failed");
  return (
    <li className="rounded-lg border border-border bg-surface p-4" data-testid={`move-${move.vmid}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="break-words font-medium">
            {move.guestName}{" "}
            <span className="text-sm font-normal text-muted">
              ({move.guestType === "lxc" ? "CT" : "VM"} {move.vmid})
            </span>
          </h3>
          <p className="break-words text-sm">
            {move.sourceName} → {move.targetName}
            {move.targetVmid !== null && move.targetVmid !== move.vmid && (
              <span className="text-muted"> as {move.targetVmid}</span>
            )}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <span className="text-sm font-medium text-ok">
            +<Usd value={move.gainMonthlyUsd} />
            /mo
          </span>
          <Badge tone={status.tone}>
            <span data-testid={`move-status-${move.vmid}`}>{status.label}</span>
          </Badge>
        </div>
      </div>

      {move.reason.text && <p className="mt-2 text-sm">{move.reason.text}</p>}
      {move.reason.forced && (
        <p className="mt-1 text-xs text-warn">Forced: its current cluster can no longer host it.</p>
      )}
      {(move.reason.from || move.reason.to) && (
        <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Breakdown label={`Now, on ${move.sourceName}`} b={move.reason.from} />
          <Breakdown label={`After, on ${move.targetName}`} b={move.reason.to} />
        </dl>
      )}
      {move.reason.ruledOut.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-muted">
            {move.reason.ruledOut.length === 1
              ? "1 cluster ruled out"
              : `${move.reason.ruledOut.length} clusters ruled out`}
          </summary>
          <ul className="mt-2 space-y-1">
            {move.reason.ruledOut.map((r) => (
              <li key={r.clusterId} className="break-words">
                <span className="font-medium">{clusterNames[r.clusterId] ?? "a removed cluster"}</span>:{" "}
                {r.detail || r.reasons.join(", ")}
              </li>
            ))}
          </ul>
        </details>
      )}

      {move.status === "running" && (
        <div className="mt-3">
          {canApply ? (
            <MoveProgress moveId={move.id} clusterId={move.sourceClusterId} upid={move.upid} />
          ) : (
            <p className="text-xs text-muted">Migrating…</p>
          )}
        </div>
      )}
      {move.error && (
        <p
          className="mt-3 break-words rounded-md border border-danger/40 px-3 py-2 text-sm text-danger"
          data-testid={`move-error-${move.vmid}`}
        >
          {move.error}
        </p>
      )}
      {(move.startedAt || move.upid) && (
        <p className="mt-2 break-all text-xs text-muted">
          {move.startedAt && (
            <>
              Started <FormattedDate value={move.startedAt} />
            </>
          )}
          {move.finishedAt && (
            <>
              {" "}
              · ended <FormattedDate value={move.finishedAt} />
            </>
          )}
          {move.upid && <span className="block">Task {move.upid}</span>}
        </p>
      )}

      {actionable && (
        <div className="mt-3 flex flex-wrap gap-2">
          <ConfirmButton
            label={move.status === "failed" ? "Retry" : "Apply"}
            title={`Move ${move.guestName} to ${move.targetName}?`}
            body={
              <>
                Proxmox migrates {move.guestName} from {move.sourceName} to {move.targetName} (
                {move.guestType === "qemu" ? "live, if it runs" : "restarted there, if it runs"}), onto a storage and
                bridge chosen from {move.targetName}&apos;s data, then removes it from {move.sourceName}. This can take
                minutes.
              </>
            }
            confirmLabel="Move it"
            variant="secondary"
            pending={pending}
            onConfirm={() => run(() => applyMoveAction({ moveId: move.id }))}
          />
          <ConfirmButton
            label="Skip"
            title={`Skip moving ${move.guestName}?`}
            body={<>The guest stays on {move.sourceName}; the rest of the plan goes on without this move.</>}
            confirmLabel="Skip it"
            variant="secondary"
            pending={pending}
            onConfirm={() => run(() => skipMoveAction({ moveId: move.id }))}
          />
        </div>
      )}
      {pending && !actionable && (
        <Button type="button" variant="ghost" pending disabled>
          Working…
        </Button>
      )}
      {error && (
        <div className="mt-3">
          <Notice tone="error">{error}</Notice>
        </div>
      )}
    </li>
  );
}
