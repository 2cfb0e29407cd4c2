import { WeightsRow } from "@/components/governance/weights-editor";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listWeightInputs } from "@/lib/governance/queries";

export const metadata = { title: "Voting weights" };

export default async function WeightsPage() {
  await requirePermission("governance.manage-weights");
  const { members, clusters } = await listWeightInputs();
  return (
    <>
      <PageHeader
        title="Voting weights"
        description="What each member brings into economic votes. Each component is normalised over the members; changes apply to votes opened from now on, never to open ones."
      />
      <Card>
        {clusters.length === 0 && (
          <p className="mb-3 text-sm text-muted">
            No clusters are registered yet, so cluster stake is 0 for everyone and is left out of the weighting.
          </p>
        )}
        <p className="mb-3 text-sm text-muted">
          Economic contribution is the net earnings (revenue minus electricity) of a member&apos;s assigned clusters
          over the last 90 days, split among the members assigned to each cluster. While nobody has any, it is left out
          of the weighting.
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
