import Link from "next/link";
import { RegistryList } from "@/components/clusters/registry-list";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listRegistry } from "@/lib/clusters/queries";

export const metadata = { title: "Clusters" };

export default async function ClustersPage() {
  const user = await requirePermission("console.view");
  const clusters = await listRegistry();
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
    </>
  );
}
