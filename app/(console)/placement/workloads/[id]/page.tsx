import Link from "next/link";
import { notFound } from "next/navigation";
import { WorkloadForm } from "@/components/placement/workload-form";
import { WorkloadGuests } from "@/components/placement/workload-guests";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { controlClass } from "@/components/ui/field";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { deleteWorkloadAction } from "@/lib/placement/workloads/actions";
import { getWorkloadDetail, getWorkloadFormOptions } from "@/lib/placement/workloads/queries";
import { workloadIdSchema } from "@/lib/placement/workloads/schemas";

export const metadata = { title: "Workload" };

export default async function WorkloadPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const user = await requirePermission("placement.view");
  const { id } = await params;
  if (!workloadIdSchema.safeParse(id).success) notFound();
  const q = (await searchParams).q;
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  const [detail, options] = await Promise.all([getWorkloadDetail(id, query), getWorkloadFormOptions()]);
  if (!detail) notFound();
  const canManage = can(user.role, "placement.manage");

  return (
    <>
      <PageHeader
        title={detail.workload.name}
        description={`${detail.members.length} of ${detail.workload.replicas} replicas running.`}
        actions={
          <Link href="/placement/workloads" className={buttonClass("secondary")}>
            All workloads
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title="Guests">
          {canManage && (
            <form method="get" className="mb-4 flex flex-wrap gap-2" role="search">
              <label htmlFor="q" className="sr-only">
                Search guests to assign
              </label>
              <input
                id="q"
                name="q"
                defaultValue={query}
                placeholder="Search guests by name, cluster or vmid"
                className={`${controlClass} sm:max-w-sm`}
              />
              <button type="submit" className={buttonClass("secondary")}>
                Search
              </button>
            </form>
          )}
          <WorkloadGuests detail={detail} canManage={canManage} />
        </Card>
        {canManage && (
          <>
            <Card title="Settings">
              <WorkloadForm options={options} initial={detail.workload} />
            </Card>
            <Card title="Danger zone">
              <ConfirmActionButton
                label="Delete workload"
                title={`Delete ${detail.workload.name}?`}
                body="Its guests keep running where they are; the planner stops placing them. Saved plans keep their moves."
                confirmLabel="Delete"
                action={deleteWorkloadAction.bind(null, { workloadId: detail.workload.id })}
                success={`${detail.workload.name} deleted.`}
                redirectTo="/placement/workloads"
              />
            </Card>
          </>
        )}
      </div>
    </>
  );
}
