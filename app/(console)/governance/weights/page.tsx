import { MinimumsForm } from "@/components/governance/minimums-form";
import { WeightsRow } from "@/components/governance/weights-editor";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { ECONOMIC_DATA_AGE_HOURS } from "@/lib/governance/stake";
import { getVotingMinimumsForForm, listWeightInputs } from "@/lib/governance/queries";

export const metadata = { title: "Voting weights" };

export default async function WeightsPage() {
  await requirePermission("governance.manage-weights");
  const [{ members, clusters }, minimums] = await Promise.all([listWeightInputs(), getVotingMinimumsForForm()]);
  return (
    <>
      <PageHeader
        title="Voting weights"
        description="What each member brings into economic votes. Each component is normalised over the members; changes apply to votes opened from now on, never to open ones."
      />
      <Card title="Voting minimums" className="mb-4">
        <p className="mb-3 text-sm text-muted">
          No proposal may set a lower quorum or threshold, or a shorter voting window, than these. Drafts are checked
          again when voting opens; open votes keep their rules. Every change is audited.
        </p>
        <MinimumsForm initial={minimums} />
      </Card>
      <Card>
        {clusters.length === 0 && (
          <p className="mb-3 text-sm text-muted">
            No clusters are registered yet, so cluster stake is 0 for everyone and is left out of the weighting.
          </p>
        )}
        <p className="mb-3 text-sm text-muted">
          Economic contribution is the net earnings (revenue minus electricity) of a member&apos;s assigned clusters
          over the last 90 days, split among the members assigned to each cluster. While nobody has any, it is left out
          of the weighting. Only revenue and prices already in the ledger {ECONOMIC_DATA_AGE_HOURS} hours before a vote
          opens count, so an upload just before opening moves no weight.
        </p>
        <ul className="divide-y divide-border" aria-label="Members">
          {members.map((member) => (
            <WeightsRow key={member.id} member={member} clusters={clusters} />
          ))}
        </ul>
      </Card>
    </>
  );
}
