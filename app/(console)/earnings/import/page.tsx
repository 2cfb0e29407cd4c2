import { CsvUpload } from "@/components/earnings/csv-upload";
import { ImportHistory } from "@/components/earnings/import-history";
import { ElectricityCostForm, ManualEntryForm } from "@/components/earnings/manual-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listImportOptions, listRecentImports } from "@/lib/earnings/import-queries";

export const metadata = { title: "Import earnings" };

export default async function ImportEarningsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("earnings.import");
  const [{ clusters, networks }, imports] = await Promise.all([listImportOptions(), listRecentImports()]);
  // ?resume=N comes from a stopped import in the history below: the form starts after line N.
  const resume = Number((await searchParams).resume);
  const resumeAfterLine = Number.isInteger(resume) && resume > 0 ? resume : undefined;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        title="Import earnings"
        description="Upload revenue or prices as CSV, or enter revenue and electricity costs by hand. The same entry counts once, however often it is imported."
      />
      <div className="space-y-6">
        <div id="upload" className="scroll-mt-20">
          <Card title="Upload a CSV file">
            {/* Keyed by it: following a history link within this page remounts the form with it. */}
            <CsvUpload key={resumeAfterLine ?? 0} initialResumeAfterLine={resumeAfterLine} />
          </Card>
        </div>
        <Card title="Past CSV imports">
          <ImportHistory imports={imports} />
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
