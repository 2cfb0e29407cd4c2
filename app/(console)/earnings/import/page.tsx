import { CsvUpload } from "@/components/earnings/csv-upload";
import { ElectricityCostForm, ManualEntryForm } from "@/components/earnings/manual-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listImportOptions } from "@/lib/earnings/import-queries";

export const metadata = { title: "Import earnings" };

export default async function ImportEarningsPage() {
  await requirePermission("earnings.import");
  const { clusters, networks } = await listImportOptions();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title="Import earnings" description="Upload revenue or prices as CSV, or enter revenue and electricity costs by hand. The same entry counts once, however often it is imported." />
      <div className="space-y-6">
        <Card title="Upload a CSV file">
          <CsvUpload />
        </Card>
        <Card title="Enter revenue by hand">
          <ManualEntryForm clusters={clusters} networks={networks} today={today} />
        </Card>
        <Card title="Enter an electricity cost">
          <ElectricityCostForm clusters={clusters} today={today} />
        </Card>
      </div>
    </>
  );
}
