import { SITE_ROLE_LABELS } from "@/lib/clusters/site-roles";
import Link from "next/link";
import { HealthBadge } from "@/components/state/health-badge";
import { SyncLine } from "@/components/state/sync-line";
import { ResourceUsageBars } from "@/components/state/usage-bar";
import type { ClusterCard as ClusterCardData } from "@/lib/state/overview";

export function ClusterCard({ cluster }: { cluster: ClusterCardData }) {
  const { usage } = cluster;
  return (
    <article
      className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4"
      data-testid={`cluster-card-${cluster.name}`}
      aria-label={cluster.name}
    >
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="truncate font-semibold">
            <Link href={`/clusters/${cluster.id}`} className="hover:underline">
              {cluster.name}
            </Link>
          </h3>
          <p className="truncate text-xs text-muted">
            {cluster.siteName} · {SITE_ROLE_LABELS[cluster.role]} · tier {cluster.tier} · {cluster.country}
          </p>
        </div>
        <HealthBadge health={cluster.health} />
      </header>
      <SyncLine sync={cluster.sync} />
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-xs text-muted">Nodes online</dt>
          <dd className="tabular-nums">
            {usage.nodes.online} of {usage.nodes.total}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Guests running</dt>
          <dd className="tabular-nums">
            {usage.guests.running} of {usage.guests.total}
          </dd>
        </div>
      </dl>
      <div className="space-y-2">
        <ResourceUsageBars usage={usage} />
      </div>
    </article>
  );
}
