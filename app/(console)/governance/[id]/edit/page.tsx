import { notFound } from "next/navigation";
import { ProposalForm } from "@/components/governance/proposal-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { mayStewardProposal } from "@/lib/governance/lifecycle-view";
import { getDraft, listClusterNames } from "@/lib/governance/queries";
import { proposalIdInputSchema } from "@/lib/governance/schemas";

export const metadata = { title: "Edit proposal" };

export default async function EditProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("governance.propose");
  const parsed = proposalIdInputSchema.safeParse({ proposalId: (await params).id });
  if (!parsed.success) notFound();
  const draft = await getDraft(parsed.data.proposalId);
  // Only a draft, and only for its author or an admin: anyone else sees no such page.
  if (!draft || draft.status !== "draft" || !mayStewardProposal(user, draft)) notFound();
  const clusterNames = await listClusterNames();
  return (
    <>
      <PageHeader title="Edit proposal" description="Weights, window and rules can change until voting opens." />
      <Card>
        <ProposalForm
          proposalId={draft.id}
          clusterNames={clusterNames}
          initial={{
            title: draft.title,
            description: draft.description,
            type: draft.type,
            opensAt: draft.opensAt.toISOString(),
            closesAt: draft.closesAt.toISOString(),
            quorumPct: draft.quorumPct,
            thresholdPct: draft.thresholdPct,
            weightClusterStake: draft.weightClusterStake,
            weightExpertise: draft.weightExpertise,
            weightEconomic: draft.weightEconomic,
            phases: draft.phases.map((p) => ({
              name: p.name,
              startsAt: p.startsAt.toISOString(),
              endsAt: p.endsAt.toISOString(),
            })),
            concernsClusters: draft.concernsClusters,
          }}
        />
      </Card>
    </>
  );
}
