// Each move of the plan: the guest, from → to, its monthly gain, the one-sentence reason, and on
// demand the numbers behind it and the clusters that were ruled out. Cards rather than a table
// row: the reason is a sentence, and a phone reads it at full width.
import { Usd } from "@/components/earnings/money";
import { Badge } from "@/components/ui/badge";
import type { MoveRow } from "@/lib/placement/plans/view";
import type { RevenueSource } from "@/lib/placement/engine/types";

const SOURCE_TEXT: Record<RevenueSource, string> = {
  "ledger-cluster": "this site's ledger",
  "ledger-region": "the region's ledger",
  "rate-table": "the reward-rate table",
  none: "no revenue data",
};

export function MoveList({ moves }: { moves: MoveRow[] }) {
  return (
    <ol className="space-y-3" aria-label="Moves">
      {moves.map((m) => (
        <li key={m.key} className="rounded-md border border-border p-3" data-testid="move">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="font-medium">
              {m.guestName}
              {m.vmid !== null && <span className="text-muted"> ({m.vmid})</span>}
              <span className="text-sm font-normal text-muted"> · {m.workloadName}</span>
            </p>
            <p className={`text-sm font-semibold ${m.gainUsd >= 0 ? "text-ok" : "text-warn"}`}>
              {m.gainUsd >= 0 ? "+" : ""}
              <Usd value={m.gainUsd} /> a month
            </p>
          </div>
          <p className="mt-1 text-sm">
            <span data-testid="move-from">{m.fromName}</span> → <span data-testid="move-to">{m.toName}</span>{" "}
            {m.forced && <Badge tone="warn">must leave</Badge>}
          </p>
          <p className="mt-1 text-sm text-muted">{m.reason}</p>
          <details className="mt-2 text-xs">
            <summary className="cursor-pointer text-accent">Numbers and ruled-out sites</summary>
            <p className="mt-1">
              Net a month: <Usd value={m.fromNetUsd} /> on {m.fromName} → <Usd value={m.toNetUsd} /> on {m.toName}{" "}
              (revenue from {SOURCE_TEXT[m.toRevenueSource]}).
            </p>
            {m.ruledOut.length > 0 ? (
              <ul className="mt-1 list-disc space-y-0.5 pl-4 text-muted">
                {m.ruledOut.map((r) => (
                  <li key={r.name}>
                    {r.name}: {r.detail}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-muted">No site was ruled out.</p>
            )}
          </details>
        </li>
      ))}
    </ol>
  );
}
