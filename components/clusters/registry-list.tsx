import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/formatted-date";
import type { RegistryRow } from "@/lib/clusters/queries";
import { SITE_ROLE_LABELS } from "@/lib/clusters/site-roles";
import { SyncNowButton } from "./sync-now-button";

const HEALTH_TONE = { healthy: "ok", degraded: "warn", down: "danger", unknown: "neutral" } as const;

function SyncStatus({ cluster }: { cluster: RegistryRow }) {
  if (cluster.pendingFingerprint) return <Badge tone="danger">certificate changed</Badge>;
  if (!cluster.enabled) return <Badge tone="neutral">sync disabled</Badge>;
  return <Badge tone={HEALTH_TONE[cluster.health]}>{cluster.health}</Badge>;
}

/** The registered clusters with their sync status; admins get the settings link. */
export function RegistryList({
  clusters,
  canManage,
  canSync,
}: {
  clusters: RegistryRow[];
  canManage: boolean;
  canSync: boolean;
}) {
  return (
    <ul className="divide-y divide-border" aria-label="Registered clusters">
      {clusters.map((cluster) => (
        <li
          key={cluster.id}
          className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between"
          data-testid={`cluster-${cluster.name}`}
        >
          <div className="min-w-0 space-y-1">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              <Link href={`/clusters/${cluster.id}`} className="hover:underline">
                {cluster.name}
              </Link>
              <SyncStatus cluster={cluster} />
            </p>
            <p className="text-xs text-muted">
              {cluster.siteName}, {cluster.country} · {SITE_ROLE_LABELS[cluster.role]} · tier {cluster.tier} ·{" "}
              {cluster._count.nodes} nodes · {cluster._count.guests} guests
              {cluster.pveVersion ? ` · PVE ${cluster.pveVersion}` : ""}
            </p>
            <p className="break-all text-xs text-muted">
              {cluster.apiUrl} as {cluster.tokenId}
            </p>
            <p className="text-xs text-muted" data-testid="sync-status">
              {cluster.lastSyncAt ? (
                <>
                  Last synced <FormattedDate value={cluster.lastSyncAt} />
                </>
              ) : (
                "Not synced yet"
              )}
              {cluster.lastErrorKind && cluster.lastErrorAt && (
                <span className="text-danger">
                  {" "}
                  · failing since <FormattedDate value={cluster.lastErrorAt} /> (
                  {cluster.lastErrorKind.replaceAll("_", " ")}, {cluster.consecutiveFailures}×):{" "}
                  {cluster.lastErrorMessage}
                </span>
              )}
            </p>
          </div>
          <div className="flex flex-wrap items-start gap-2 sm:justify-end">
            {canSync && cluster.enabled && !cluster.pendingFingerprint && (
              <SyncNowButton clusterId={cluster.id} name={cluster.name} />
            )}
            {canManage && (
              <Link
                href={`/clusters/${cluster.id}/settings`}
                className={buttonClass(cluster.pendingFingerprint ? "primary" : "secondary")}
              >
                {cluster.pendingFingerprint ? "Review certificate" : "Settings"}
              </Link>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
