import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { FormattedDate } from "@/components/ui/formatted-date";
import type { StatusLabel } from "@/lib/governance/rules";
import type { Tally } from "@/lib/governance/tally";
import { percent, timeLeft, TYPE_LABELS } from "./format";
import { QuorumBar } from "./tally-bars";

export interface ProposalListItem {
  id: string;
  title: string;
  type: "technical" | "economic" | "emergency";
  status: string;
  label: StatusLabel;
  closesAt: Date;
  quorumPct: number;
  tally: Tally;
  myVote: string | null;
}

/** Each row is one large link: the first of the two taps that cast a vote on a phone. */
export function ProposalList({ proposals, now, label }: { proposals: ProposalListItem[]; now: Date; label: string }) {
  return (
    <ul className="divide-y divide-border" aria-label={label}>
      {proposals.map((p) => (
        <li key={p.id} data-testid="proposal-row" data-status={p.status}>
          <Link href={`/governance/${p.id}`} className="-mx-2 block rounded-md px-2 py-3 hover:bg-bg">
            <div className="flex flex-wrap items-center gap-2">
              <span className="min-w-0 flex-1 font-medium">{p.title}</span>
              <Badge>{TYPE_LABELS[p.type]}</Badge>
              <Badge tone={p.label.tone}>{p.label.label}</Badge>
            </div>
            {p.status === "open" ? (
              <div className="mt-2 grid gap-1 sm:grid-cols-[1fr_16rem] sm:items-center sm:gap-4">
                <p className="text-xs text-muted">
                  {timeLeft(p.closesAt, now)}
                  {p.myVote ? ` · you voted ${p.myVote}` : ""}
                </p>
                <QuorumBar tally={p.tally} quorumPct={p.quorumPct} compact />
              </div>
            ) : (
              <p className="mt-1 text-xs text-muted">
                {p.status === "draft" ? (
                  "Draft"
                ) : (
                  <>
                    Closed <FormattedDate value={p.closesAt} /> · {percent(p.tally.support, 0)} for ·{" "}
                    {percent(p.tally.participation, 0)} took part
                  </>
                )}
              </p>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
