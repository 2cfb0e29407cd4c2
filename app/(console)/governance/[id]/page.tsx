import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveRefresh } from "@/components/layout/live-refresh";
import { timeLeft, TYPE_LABELS } from "@/components/governance/format";
import { LifecycleButtons } from "@/components/governance/lifecycle-buttons";
import { Markdown } from "@/components/governance/markdown";
import { PhaseChecklist } from "@/components/governance/phase-checklist";
import { TallyBars } from "@/components/governance/tally-bars";
import { Timeline } from "@/components/governance/timeline";
import { VoteButtons } from "@/components/governance/vote-buttons";
import { VotersTable } from "@/components/governance/voters-table";
import { WeightingNote } from "@/components/governance/weighting-note";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FormattedDate } from "@/components/ui/formatted-date";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getProposal } from "@/lib/governance/queries";
import { proposalLifecycle } from "@/lib/governance/lifecycle-view";
import { proposalIdInputSchema } from "@/lib/governance/schemas";

export const metadata = { title: "Proposal" };

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const parsed = proposalIdInputSchema.safeParse({ proposalId: (await params).id });
  if (!parsed.success) notFound();
  const p = await getProposal(parsed.data.proposalId, user.id);
  if (!p) notFound();

  const now = new Date();
  const { votingOpen, actions: options, trackPhases } = proposalLifecycle(p, user, now);

  return (
    <>
      {votingOpen && <LiveRefresh intervalMs={15_000} />}
      <div className="mb-6 space-y-2">
        <Link href="/governance" className="text-sm text-accent hover:underline">
          ← Governance
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{p.title}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge>{TYPE_LABELS[p.type]}</Badge>
          <Badge tone={p.label.tone}>
            <span data-testid="proposal-status">{p.label.label}</span>
          </Badge>
          <span className="text-muted">by {p.author.name}</span>
          {p.status === "open" && <span className="text-muted">· {timeLeft(p.closesAt, now)}</span>}
        </div>
        {Object.values(options).some(Boolean) && <LifecycleButtons proposalId={p.id} options={options} />}
      </div>

      {/* On a phone the cards form one column ordered for a thumb (vote, then tally); on a wide
          screen the two wrappers become columns and the order classes no longer apply. */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[1fr_22rem] lg:items-start">
        <div className="contents lg:block lg:space-y-6">
          {p.status === "open" && (
            <Card title="Your vote" className="order-1">
              {!votingOpen ? (
                <p className="text-sm text-muted">Voting has closed; the result is being recorded.</p>
              ) : p.isVoter ? (
                <VoteButtons proposalId={p.id} current={p.myVote} />
              ) : (
                <p className="text-sm text-muted">
                  You are not among this proposal&apos;s voters:{" "}
                  {p.type === "economic" ? "you had no weight" : "only operators and admins vote on it"} when voting
                  opened.
                </p>
              )}
            </Card>
          )}
          <Card title="Description" className="order-3">
            <Markdown source={p.description} />
            {p.concernsClusters.length > 0 && (
              <p className="mt-3 text-xs text-muted">Clusters concerned: {p.concernsClusters.join(", ")}</p>
            )}
          </Card>
          <Card title="Implementation plan" className="order-4">
            <PhaseChecklist proposalId={p.id} phases={p.phases} editable={trackPhases} />
          </Card>
          <Card title={`Voters (${p.voterRows.length})`} className="order-5">
            <VotersTable voters={p.voterRows} weighted={p.type === "economic"} />
          </Card>
        </div>
        <div className="contents lg:block lg:space-y-6">
          <Card title={p.status === "open" || p.status === "draft" ? "Live tally" : "Result"} className="order-2">
            {p.status === "draft" ? (
              <p className="text-sm text-muted">Voting has not opened.</p>
            ) : (
              <TallyBars tally={p.tally} quorumPct={p.quorumPct} thresholdPct={p.thresholdPct} />
            )}
          </Card>
          <Card title="Rules" className="order-6">
            <dl className="mb-3 grid grid-cols-2 gap-2 text-sm">
              <dt className="text-muted">Quorum</dt>
              <dd>{p.quorumPct} % of eligible weight</dd>
              <dt className="text-muted">Threshold</dt>
              <dd>{p.thresholdPct} % for</dd>
              <dt className="text-muted">Opens</dt>
              <dd>
                <FormattedDate value={p.opensAt} />
              </dd>
              <dt className="text-muted">Closes</dt>
              <dd>
                <FormattedDate value={p.closesAt} />
              </dd>
            </dl>
            <WeightingNote
              type={p.type}
              configured={{
                clusterStake: p.weightClusterStake,
                expertise: p.weightExpertise,
                economic: p.weightEconomic,
              }}
              effective={p.effective}
            />
          </Card>
          <Card
            title="Timeline"
            className="order-7"
            actions={
              can(user.role, "audit.view") ? (
                <Link href={`/audit?target=${p.id}`} className="text-sm text-accent hover:underline">
                  Audit events
                </Link>
              ) : undefined
            }
          >
            <Timeline events={p.timeline} />
          </Card>
        </div>
      </div>
    </>
  );
}
