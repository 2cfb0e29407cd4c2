import Link from "next/link";
import { ProposalList } from "@/components/governance/proposal-list";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listProposals } from "@/lib/governance/queries";

export const metadata = { title: "Governance" };

export default async function GovernancePage() {
  const user = await requireUser();
  const { proposals, cancelled } = await listProposals(user.id);
  const awaiting = proposals.filter((p) => p.awaitingMyVote);
  const now = new Date();

  return (
    <>
      <PageHeader
        title="Governance"
        description="Proposals, weighted votes with quorum and threshold, and their implementation in phases."
        actions={
          <div className="flex flex-wrap gap-2">
            {can(user.role, "governance.manage-weights") && (
              <Link href="/governance/weights" className={buttonClass("secondary")}>
                Voting weights
              </Link>
            )}
            {can(user.role, "governance.propose") && (
              <Link href="/governance/new" className={buttonClass("primary")}>
                New proposal
              </Link>
            )}
          </div>
        }
      />
      <div className="space-y-6">
        {awaiting.length > 0 && (
          <Card title={`Awaiting your vote (${awaiting.length})`}>
            <ProposalList proposals={awaiting} now={now} label="Awaiting your vote" />
          </Card>
        )}
        <Card title="Proposals">
          {proposals.length === 0 ? (
            <p className="text-sm text-muted">No proposals yet.</p>
          ) : (
            <ProposalList proposals={proposals} now={now} label="Proposals" />
          )}
        </Card>
        {cancelled.length > 0 && (
          <Card title="Cancelled">
            <ul className="space-y-1 text-sm">
              {cancelled.map((p) => (
                <li key={p.id}>
                  <Link href={`/governance/${p.id}`} className="text-muted hover:underline">
                    {p.title}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
