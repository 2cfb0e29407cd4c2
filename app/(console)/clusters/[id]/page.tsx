import { SITE_ROLE_LABELS } from "@/lib/clusters/site-roles";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HaList, StorageList } from "@/components/cluster-view/storage-ha";
import { NodeTable } from "@/components/cluster-view/node-table";
import { UsageHistory } from "@/components/cluster-view/usage-history";
import { SyncNowButton } from "@/components/clusters/sync-now-button";
import { TrustModeLine } from "@/components/clusters/trust-mode-line";
import { GuestFilters } from "@/components/guests/guest-filters";
import { GuestTable } from "@/components/guests/guest-table";
import { HealthBadge } from "@/components/state/health-badge";
import { LiveRefresh } from "@/components/layout/live-refresh";
import { SyncLine } from "@/components/state/sync-line";
import { TaskList } from "@/components/state/task-list";
import { ResourceUsageBars } from "@/components/state/usage-bar";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getClusterView } from "@/lib/state/cluster";
import { parseGuestQuery, type SearchParams } from "@/lib/state/guest-filters";
import { listGuestTags, listGuests } from "@/lib/state/guests";
import { getClusterHistory } from "@/lib/state/history";

export const metadata = { title: "Cluster" };

export default async function ClusterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const user = await requireUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const now = new Date();
  const view = await getClusterView(id, now);
  if (!view) notFound();
  const query = parseGuestQuery(await searchParams);
  const [guests, tags, day, week] = await Promise.all([
    listGuests(id, query),
    listGuestTags(id),
    getClusterHistory(id, "24h", now),
    getClusterHistory(id, "7d", now),
  ]);
  const { cluster, usage } = view;
  const basePath = `/clusters/${id}`;

  return (
    <>
      <LiveRefresh intervalMs={10_000} />
      <PageHeader
        title={cluster.name}
        description={`${cluster.siteName} · ${SITE_ROLE_LABELS[cluster.role].toLowerCase()} · tier ${cluster.tier} · ${cluster.country}${cluster.pveVersion ? ` · PVE ${cluster.pveVersion}` : ""}`}
        actions={
          <div className="flex flex-wrap items-start justify-end gap-3">
            <HealthBadge health={cluster.health} />
            {can(user.role, "clusters.sync") && cluster.enabled && !cluster.pendingFingerprint && (
              <SyncNowButton clusterId={cluster.id} name={cluster.name} />
            )}
          </div>
        }
      />
      <div className="space-y-6">
        <div className="-mt-4">
          <SyncLine sync={view.sync} />
          <TrustModeLine trustMode={cluster.trustMode} fingerprint={cluster.fingerprint} />
        </div>
        <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
          <Card title="Usage">
            <div className="space-y-3">
              <p className="text-sm">
                {usage.nodes.online} of {usage.nodes.total} nodes online · {usage.guests.running} of{" "}
                {usage.guests.total} guests running
                {cluster.quorate === false && <span className="text-danger"> · no quorum</span>}
              </p>
              <ResourceUsageBars usage={usage} />
            </div>
          </Card>
          <Card title="CPU and memory">
            <UsageHistory day={day} week={week} now={now.getTime()} />
          </Card>
        </div>
        <Card title="Nodes">
          <NodeTable nodes={view.nodes} />
        </Card>
        <Card title="Guests">
          <div className="space-y-3">
            <GuestFilters query={query} nodes={view.nodes.map((n) => n.name)} tags={tags} basePath={basePath} />
            <GuestTable
              clusterId={id}
              page={guests}
              query={query}
              basePath={basePath}
              canAct={can(user.role, "guests.act")}
            />
          </div>
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Storage">
            <StorageList storages={view.storages} />
          </Card>
          <Card title="High availability">
            <HaList ha={view.ha} quorate={cluster.haQuorate} master={cluster.haMasterNode} />
          </Card>
        </div>
        <Card title="Recent tasks">
          <TaskList tasks={view.tasks} />
        </Card>
      </div>
    </>
  );
}
