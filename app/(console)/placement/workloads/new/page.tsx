import { Card, PageHeader } from "@/components/ui/card";
import { WorkloadForm } from "@/components/placement/workload-form";
import { requirePermission } from "@/lib/auth/session";
import { getWorkloadFormOptions } from "@/lib/placement/workloads/queries";

export const metadata = { title: "New workload" };

export default async function NewWorkloadPage() {
  await requirePermission("placement.manage");
  const options = await getWorkloadFormOptions();
  return (
    <>
      <PageHeader
        title="New workload"
        description="Name it, say what it earns from and what each replica needs; then assign its guests or give them its tag."
      />
      <Card>
        <WorkloadForm options={options} />
      </Card>
    </>
  );
}
