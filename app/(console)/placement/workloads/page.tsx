import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listWorkloads, type WorkloadListRow } from "@/lib/placement/workloads/queries";

export const metadata = { title: "Workloads" };

function constraints(w: WorkloadListRow): string {
  const parts: string[] = [];
  if (w.allowedCountries.length > 0) parts.push(`in ${w.allowedCountries.join(", ")}`);
  if (w.minSpreadKm !== null) parts.push(`≥ ${w.minSpreadKm} km apart`);
  if (w.distinctRegions) parts.push("distinct regions");
  if (w.maxLatencyMs !== null) parts.push(`≤ ${w.maxLatencyMs} ms`);
  if (w.pinned > 0) parts.push(`pinned to ${w.pinned}`);
  if (w.excluded > 0) parts.push(`${w.excluded} excluded`);
  return parts.length > 0 ? parts.join(" · ") : "anywhere";
}

export default async function WorkloadsPage() {
  const user = await requirePermission("placement.view");
  const workloads = await listWorkloads();
  const canManage = can(user.role, "placement.manage");
  return (
    <>
      <PageHeader
        title="Workloads"
        description="Groups of guests the planner places: by a Proxmox tag or assigned by hand, with what each replica needs and where it may run."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/placement" className={buttonClass("secondary")}>
              Planner
            </Link>
            {canManage && (
              <Link href="/placement/workloads/new" className={buttonClass("primary")}>
                New workload
              </Link>
            )}
          </div>
        }
      />
      <Card>
        {workloads.length === 0 ? (
          <p className="text-sm text-muted">
            No workloads yet.
            {canManage ? " Create one to let the planner place its guests." : " An admin defines them."}
          </p>
        ) : (
          <ul className="divide-y divide-border" aria-label="Workloads">
            {workloads.map((w) => (
              <li key={w.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                <div>
                  <Link href={`/placement/workloads/${w.id}`} className="font-medium text-accent hover:underline">
                    {w.name}
                  </Link>
                  <p className="text-xs text-muted">
                    {w.kind}
                    {w.tag && ` · tag ${w.tag}`} · each {w.vcpu} vCPU, {Math.round(w.memoryMb / 1024)} GiB, {w.diskGb}{" "}
                    GiB disk{w.gpu ? ", GPU" : ""} · priority {w.priority}
                  </p>
                  <p className="text-xs text-muted">{constraints(w)}</p>
                </div>
                <Badge
                  tone={w.currentReplicas === w.replicas ? "ok" : "warn"}
                >{`${w.currentReplicas} of ${w.replicas} replicas`}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
