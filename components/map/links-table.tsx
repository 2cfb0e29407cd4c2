// Every link with its distance, measured latency and the planning estimate beside it.
import { estimateRoundTripMs } from "@/lib/geo/distance";
import type { MapLink, MapSite } from "@/lib/map/types";
import { formatKm, formatMs } from "./format";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { removeMeshLinkAction } from "@/lib/map/actions";
import { EmptyState } from "@/components/ui/empty-state";

const MAX_LISTED_HUB_LINKS = 40;

export function LinksTable({ links, sites, canManage }: { links: MapLink[]; sites: MapSite[]; canManage: boolean }) {
  const name = new Map(sites.map((s) => [s.id, s.siteName]));
  if (links.length === 0)
    return <EmptyState>No links: a primary site is the hub the other sites connect to.</EmptyState>;
  // A big federation's hundreds of hub links make a table nobody reads (and a heavy page): past a
  // point the hub links are summed up and left to the map, while mesh links are always listed.
  const hubs = links.filter((l) => l.kind === "spoke");
  const listHubs = hubs.length <= MAX_LISTED_HUB_LINKS;
  const sorted = [...links]
    .filter((l) => listHubs || l.kind === "mesh")
    .sort((a, b) => (a.kind === b.kind ? (a.distanceKm ?? 0) - (b.distanceKm ?? 0) : a.kind === "mesh" ? -1 : 1));
  const hubKm = hubs.flatMap((l) => (l.distanceKm === null ? [] : [l.distanceKm]));
  return (
    <div className="overflow-x-auto">
      {!listHubs && (
        <p className="mb-2 text-sm text-muted" data-testid="hub-links-summary">
          {`${hubs.length} hub links from the primary${hubKm.length > 0 ? `, ${formatKm(Math.min(...hubKm))} to ${formatKm(Math.max(...hubKm))}` : ""}: each is drawn on the map; select a site to see its links' distances.`}
        </p>
      )}
      <table className="w-full text-sm" data-testid="links-table">
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="py-2 pr-3 font-medium">Between</th>
            <th className="py-2 pr-3 font-medium">Kind</th>
            <th className="py-2 pr-3 text-right font-medium">Distance</th>
            <th className="py-2 pr-3 text-right font-medium">Measured</th>
            <th
              className="py-2 pr-3 text-right font-medium"
              title="~1 ms of round trip per 100 km plus 2 ms: for planning, not a measurement"
            >
              Estimate
            </th>
            {canManage && <th className="py-2 font-medium" />}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {sorted.map((link) => (
            <tr key={link.id}>
              <td className="py-2 pr-3">
                {name.get(link.fromId)} – {name.get(link.toId)}
              </td>
              <td className="py-2 pr-3 text-muted">{link.kind === "mesh" ? "mesh" : "hub"}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatKm(link.distanceKm)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {link.measuredLatencyMs === null ? (
                  <span className="text-muted">not measured</span>
                ) : (
                  formatMs(link.measuredLatencyMs)
                )}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums text-muted">
                {link.distanceKm === null ? "—" : `~${formatMs(estimateRoundTripMs(link.distanceKm))}`}
              </td>
              {canManage && (
                <td className="py-2 text-right">
                  {link.kind === "mesh" && (
                    <ConfirmActionButton
                      label="Remove"
                      title={`Remove the mesh link ${name.get(link.fromId)} – ${name.get(link.toId)}?`}
                      body="The map stops drawing it. Sites linked to the primary keep their hub link."
                      confirmLabel="Remove"
                      action={removeMeshLinkAction.bind(null, { linkId: link.id })}
                      success="Mesh link removed."
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
