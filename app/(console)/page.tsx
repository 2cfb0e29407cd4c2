import Link from "next/link";
import { ClusterCard } from "@/components/overview/cluster-card";
import { FederationTotalsView } from "@/components/overview/federation-totals";
import { ProblemList } from "@/components/overview/problem-list";
import { LiveRefresh } from "@/components/layout/live-refresh";
import { TaskList } from "@/components/state/task-list";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getCachedOverview } from "@/lib/state/overview-cache";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requireUser();
  const overview = await getCachedOverview();

  if (overview.clusters.length === 0) {
    return (
      <>
        <PageHeader title="Federation overview" />
        <Card>
          <p className="font-medium">No cluster is registered yet.</p>
          <p className="mt-2 text-sm text-muted">
            {can(user.role, "clusters.manage")
              ? "Register your first Proxmox VE cluster with its API URL and a token; its state appears here after the first sync."
              : "An admin registers the federation's clusters; their state appears here after the first sync."}
          </p>
          {can(user.role, "clusters.manage") && (
            <Link href="/clusters/new" className={buttonClass("primary", "mt-4")}>
              Register a cluster
            </Link>
          )}
        </Card>
      </>
    );
  }

  return (
    <>
      <LiveRefresh intervalMs={5_000} />
      <PageHeader
        title="Federation overview"
        description="State as the background sync last read it; this page updates by itself."
      />
      <div className="space-y-6">
        <FederationTotalsView totals={overview.totals} />
        <section aria-labelledby="clusters-heading">
          <h2 id="clusters-heading" className="mb-3 text-base font-semibold">
            Clusters
          </h2>
          <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {overview.clusters.map((cluster) => (
              <ClusterCard key={cluster.id} cluster={cluster} />
            ))}
          </div>
        </section>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Problems">
            <ProblemList problems={overview.problems} />
          </Card>
          <Card title="Recent tasks">
            <TaskList
              tasks={overview.recentTasks.map((t) => ({ ...t, cluster: { id: t.clusterId, name: t.clusterName } }))}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
