import { Badge } from "@/components/ui/badge";
import type { VoteChoice } from "@/lib/governance/tally";
import { percent } from "./format";

export interface VoterRow {
  userId: string;
  name: string;
  role: string;
  share: number;
  breakdown: { clusterStake: number; expertise: number; economic: number };
  choice: VoteChoice | null;
}

const CHOICE_TONE = { for: "ok", against: "danger", abstain: "neutral" } as const;

/** Who may vote, with the weight frozen when voting opened and, for weighted votes, its parts. */
export function VotersTable({ voters, weighted }: { voters: VoterRow[]; weighted: boolean }) {
  if (voters.length === 0) return <p className="text-sm text-muted">The electorate is fixed when voting opens.</p>;
  return (
    <div className="-mx-4 overflow-x-auto sm:mx-0">
      <table className="w-full text-left text-sm" aria-label="Voters">
        <thead className="text-xs text-muted">
          <tr>
            <th className="px-4 py-2 sm:px-2">Member</th>
            <th className="px-2 py-2">Weight</th>
            {weighted && <th className="hidden px-2 py-2 sm:table-cell">Stake · expertise · economic (shares)</th>}
            <th className="px-2 py-2">Vote</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {voters.map((v) => (
            <tr key={v.userId} data-testid="voter-row">
              <td className="px-4 py-2 sm:px-2">
                {v.name} <span className="text-xs text-muted">{v.role}</span>
              </td>
              <td className="px-2 py-2 font-mono text-xs">{percent(v.share, 2)}</td>
              {weighted && (
                <td className="hidden px-2 py-2 text-xs text-muted sm:table-cell">
                  {percent(v.breakdown.clusterStake)} · {percent(v.breakdown.expertise)} ·{" "}
                  {percent(v.breakdown.economic)}
                </td>
              )}
              <td className="px-2 py-2">
                {v.choice ? (
                  <Badge tone={CHOICE_TONE[v.choice]}>{v.choice}</Badge>
                ) : (
                  <span className="text-xs text-muted">not yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
