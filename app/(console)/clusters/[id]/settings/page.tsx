import { notFound } from "next/navigation";
import { CertificateChange } from "@/components/clusters/certificate-change";
import { ClusterDangerZone } from "@/components/clusters/cluster-danger-zone";
import { EditClusterForm } from "@/components/clusters/edit-cluster-form";
import { MigrationTokenForm } from "@/components/clusters/migration-token-form";
import { ReplaceTokenForm } from "@/components/clusters/replace-token-form";
import { TrustModeLine } from "@/components/clusters/trust-mode-line";
import { migrationPveumCommands } from "@/lib/clusters/migration-privileges";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { getClusterForEdit } from "@/lib/clusters/queries";
import { clusterIdSchema } from "@/lib/clusters/schemas";

export const metadata = { title: "Cluster settings" };

export default async function ClusterSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("clusters.manage");
  const { id } = await params;
  const parsed = clusterIdSchema.safeParse(id);
  const cluster = parsed.success ? await getClusterForEdit(parsed.data) : null;
  if (!cluster) notFound();
  return (
    <>
      <PageHeader
        title={`${cluster.name}: settings`}
        description={<span className="break-all">{cluster.apiUrl}</span>}
      />
      <div className="space-y-6">
        {cluster.pendingFingerprint && (
          <Card title="Certificate changed">
            <CertificateChange
              clusterId={cluster.id}
              current={cluster.fingerprint}
              pending={cluster.pendingFingerprint}
            />
          </Card>
        )}
        <Card title="Site and sync">
          <EditClusterForm cluster={cluster} />
        </Card>
        <Card title="API token">
          <div className="mb-3">
            <TrustModeLine trustMode={cluster.trustMode} fingerprint={cluster.fingerprint} />
          </div>
          <ReplaceTokenForm cluster={cluster} />
        </Card>
        <Card title="Migration token">
          <MigrationTokenForm cluster={cluster} commands={migrationPveumCommands()} />
        </Card>
        <Card title="Disable or remove">
          <ClusterDangerZone cluster={cluster} />
        </Card>
      </div>
    </>
  );
}
