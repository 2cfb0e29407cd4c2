import { ProposalForm } from "@/components/governance/proposal-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listClusterNames } from "@/lib/governance/queries";

export const metadata = { title: "New proposal" };

export default async function NewProposalPage() {
  await requirePermission("governance.propose");
  const clusterNames = await listClusterNames();
  return (
    <>
      <PageHeader title="New proposal" description="Saved as a draft: you can edit it until voting opens." />
      <Card>
        <ProposalForm clusterNames={clusterNames} />
      </Card>
    </>
  );
}
