"use client";
// What a marker opens: the site's state at a glance and the way to its cluster page.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { FormattedDate } from "@/components/ui/formatted-date";
import type { MapLink, MapSite } from "@/lib/map/types";
import { formatUsd } from "@/lib/format/money";
import { formatKm, formatMs, HEALTH_LABEL, HEALTH_TONE } from "./format";
import { SITE_ROLE_LABELS } from "@/lib/clusters/site-roles";

interface Props {
  site: MapSite;
  links: MapLink[];
  sitesById: Map<string, MapSite>;
  pinned: boolean;
  onClose(): void;
}

export function SitePanel({ site, links, sitesById, pinned, onClose }: Props) {
  const online = site.nodes.filter((n) => n.online).length;
  const mine = links.filter((l) => l.fromId === site.id || l.toId === site.id);
  return (
    <section
      aria-label={`Site ${site.siteName}`}
      data-testid="site-panel"
      className="w-full rounded-lg border border-border bg-surface/95 p-4 text-sm shadow-lg backdrop-blur"
    >
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold">{site.siteName}</h2>
          <p className="truncate text-xs text-muted">
            {site.clusterName}
            {site.country ? ` · ${site.country}` : ""}
            {site.region ? ` · ${site.region}` : ""}
          </p>
        </div>
        {pinned && (
          <button
            type="button"
            onClick={onClose}
            aria-label="Close site panel"
            className="-mr-1 -mt-1 rounded-md px-2 py-1 text-muted hover:bg-bg"
          >
            ✕
          </button>
        )}
      </header>
      <div className="mt-2 flex flex-wrap gap-1.5">
        <Badge tone={HEALTH_TONE[site.health]}>{HEALTH_LABEL[site.health]}</Badge>
        <Badge>{SITE_ROLE_LABELS[site.role]}</Badge>
        <Badge>Tier {site.tier}</Badge>
      </div>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted">Last sync</dt>
        <dd>{site.lastSyncAt ? <FormattedDate value={site.lastSyncAt} /> : "never"}</dd>
        <dt className="text-muted">Nodes</dt>
        <dd>{site.nodes.length === 0 ? "none synced yet" : `${online} of ${site.nodes.length} online`}</dd>
        <dt className="text-muted">Guests</dt>
        <dd>{`${site.guests.running} running of ${site.guests.total}`}</dd>
        <dt className="text-muted">Revenue this month</dt>
        <dd data-testid="site-revenue">
          {site.revenueThisMonth === null ? (
            <span className="text-muted">none recorded</span>
          ) : (
            <>
              {formatUsd(site.revenueThisMonth.usd, { whole: true })}
              {site.revenueThisMonth.unpricedEntries > 0 && (
                <span className="text-muted">{` + ${site.revenueThisMonth.unpricedEntries} unpriced`}</span>
              )}
            </>
          )}
        </dd>
        <dt className="text-muted">Last check-in</dt>
        <dd className="text-muted">not tracked yet</dd>
        <dt className="text-muted">Power grid · ISP</dt>
        <dd className="truncate">{`${site.powerGrid ?? "not recorded"} · ${site.isp ?? "not recorded"}`}</dd>
      </dl>
      {mine.length > 0 && (
        <ul className="mt-3 space-y-0.5 border-t border-border pt-2 text-xs" aria-label="Links">
          {mine.slice(0, 6).map((link) => {
            const other = sitesById.get(link.fromId === site.id ? link.toId : link.fromId);
            return (
              <li key={link.id} className="flex justify-between gap-2">
                <span className="truncate">
                  {link.kind === "mesh" ? "⇢" : "→"} {other?.siteName ?? "unknown site"}
                </span>
                <span className="shrink-0 text-muted">
                  {formatKm(link.distanceKm)}
                  {link.measuredLatencyMs !== null && ` · ${formatMs(link.measuredLatencyMs)}`}
                </span>
              </li>
            );
          })}
          {mine.length > 6 && <li className="text-muted">and {mine.length - 6} more</li>}
        </ul>
      )}
      <Link href={`/clusters/${site.id}`} className="mt-3 inline-block font-medium text-accent hover:underline">
        Open cluster {site.clusterName} →
      </Link>
    </section>
  );
}
