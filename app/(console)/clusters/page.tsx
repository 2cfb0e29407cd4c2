import Link from "next/link";
import { ArchivedClusters } from "@/components/clusters/archived-clusters";
import { RegistryList } from "@/components/clusters/registry-list";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listArchivedClusters, listRegistry } from "@/lib/clusters/queries";

export const metadata = { title: "Clusters" };

export default async function ClustersPage() {
  const user = await requirePermission("console.view");
  const [clusters, archived] = await Promise.all([listRegistry(), listArchivedClusters()]);
  const canManage = can(user.role, "clusters.manage");
  return (
    <>
      <PageHeader
        title="Clusters"
        description="The Proxmox VE clusters of the federation, as the background sync last read them."
        actions={
          canManage && (
            <Link href="/clusters/new" className={buttonClass()}>
              Register a cluster
            </Link>
          )
        }
      />
      <Card title={`Registered (${clusters.length})`}>
        {clusters.length === 0 ? (
          <p className="text-sm text-muted">
            {canManage
              ? "No cluster yet. Register one with its API URL and a token."
              : "No cluster yet. An admin registers them."}
          </p>
        ) : (
          <RegistryList clusters={clusters} canManage={canManage} canSync={can(user.role, "clusters.sync")} />
        )}
      </Card>
      {archived.length > 0 && (
        <Card title={`Archived (${archived.length})`} className="mt-4">
          <p className="mb-2 text-sm text-muted">
            Removed clusters: off the live pages and never synced, their earnings and history kept. Purging deletes
            those for good.
          </p>
          <ArchivedClusters clusters={archived} canPurge={canManage} />
        </Card>
      )}
    </>
  );
}
