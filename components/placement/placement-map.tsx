// The plan on the map: every site (the map page's markers and projection), an arrow from → to for
// each pair of sites a move connects, and each site's replicas now → after. A static drawing
// fitted to the federation, rendered on the server: the planner needs no zoom, and a phone gets
// the same picture scaled to its width.
import { HEALTH_FILL } from "@/components/map/format";
import { MarkerShape, markerRadius } from "@/components/map/marker-shape";
import { buildBaseMap } from "@/components/map/projection";
import { fitView, toScreen, transformAttribute } from "@/lib/map/view";
import type { MapSite } from "@/lib/map/types";
import type { MapSitePoint, PlannerView } from "@/lib/placement/plans/view";

// Small on purpose: the drawing is scaled to its card, so a small plane keeps markers and names
// legible on a phone (a 600-unit plane at 340 px is 0.57 scale), with room for names at the edges.
const VIEWPORT = { width: 600, height: 460 };
const MARKER_SCALE = 1.2;
const LABEL_ROOM = 90;

function asMapSite(s: MapSitePoint): MapSite {
  return {
    id: s.id,
    clusterName: s.name,
    siteName: s.siteName,
    role: s.role,
    tier: s.tier,
    lat: s.latitude,
    lon: s.longitude,
    health: s.health,
    country: null,
    region: null,
    powerGrid: null,
    isp: null,
    lastSyncAt: null,
    nodes: [],
    guests: { total: 0, running: 0 },
    revenueThisMonth: null,
  };
}

/** A gentle curve, bent to the right of the direction of travel so a → b and b → a do not overlap. */
function curve(a: [number, number], b: [number, number]): string {
  const [x1, y1] = a;
  const [x2, y2] = b;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy) || 1;
  const bend = Math.min(60, length * 0.18);
  const cx = (x1 + x2) / 2 - (dy / length) * bend;
  const cy = (y1 + y2) / 2 + (dx / length) * bend;
  // Stop short of the target marker so the arrowhead stays visible.
  const ex = x2 - (dx / length) * 14;
  const ey = y2 - (dy / length) * 14;
  return `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

export function PlacementMap({ view }: { view: PlannerView }) {
  const sites = view.sites.map(asMapSite);
  const base = buildBaseMap(sites, []);
  // Names sit to the right of markers: fit the sites into a plane narrower by a label's width.
  const fitted = fitView([...base.points.values()], base, {
    width: VIEWPORT.width - LABEL_ROOM,
    height: VIEWPORT.height,
  });
  const at = (id: string) => {
    const p = base.points.get(id);
    return p ? toScreen(fitted, p) : null;
  };
  const names = new Map(view.sites.map((s) => [s.id, s.name]));

  return (
    <figure className="overflow-hidden rounded-lg border border-border bg-[color-mix(in_oklab,var(--color-accent)_8%,var(--color-bg))]">
      <svg
        viewBox={`0 0 ${VIEWPORT.width} ${VIEWPORT.height}`}
        className="block h-auto w-full"
        role="img"
        aria-labelledby="placement-map-title"
        data-testid="placement-map"
      >
        <title id="placement-map-title">{`Sites and the plan's moves: ${view.arrows.length === 0 ? "none" : view.arrows.map((a) => `${names.get(a.fromId)} to ${names.get(a.toId)} (${a.count})`).join(", ")}`}</title>
        <defs>
          <marker
            id="placement-arrowhead"
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="var(--color-accent)" />
          </marker>
        </defs>
        <g
          transform={transformAttribute(fitted)}
          fill="color-mix(in oklab, var(--color-muted) 22%, var(--color-surface))"
          stroke="var(--color-surface)"
          strokeWidth={0.6}
        >
          {base.countries.map((country) => (
            <path key={country.id} d={country.d} vectorEffect="non-scaling-stroke" />
          ))}
        </g>
        <g fill="none" stroke="var(--color-accent)" strokeLinecap="round">
          {view.arrows.map((arrow) => {
            const a = at(arrow.fromId);
            const b = at(arrow.toId);
            if (!a || !b) return null;
            return (
              <path
                key={`${arrow.fromId}>${arrow.toId}`}
                d={curve(a, b)}
                strokeWidth={Math.min(6, 1.5 + arrow.count)}
                strokeOpacity={0.85}
                markerEnd="url(#placement-arrowhead)"
                data-testid="move-arrow"
                data-from={names.get(arrow.fromId)}
                data-to={names.get(arrow.toId)}
              >
                <title>{`${names.get(arrow.fromId)} → ${names.get(arrow.toId)}: ${arrow.count} move${arrow.count === 1 ? "" : "s"}`}</title>
              </path>
            );
          })}
        </g>
        {view.sites.map((site) => {
          const p = at(site.id);
          if (!p) return null;
          const changed = site.replicasNow !== site.replicasAfter;
          return (
            <g
              key={site.id}
              transform={`translate(${p[0].toFixed(1)},${p[1].toFixed(1)})`}
              opacity={site.excluded || site.maintenance ? 0.55 : 1}
              data-site={site.name}
            >
              <g transform={`scale(${MARKER_SCALE})`}>
                <MarkerShape role={site.role} tier={site.tier} health={site.health} />
              </g>
              {(site.excluded || site.maintenance) && (
                <circle
                  r={markerRadius(site.tier) * MARKER_SCALE + 5}
                  fill="none"
                  stroke={HEALTH_FILL.down}
                  strokeWidth={1.5}
                  strokeDasharray="3 3"
                />
              )}
              <text
                x={markerRadius(site.tier) * MARKER_SCALE + 5}
                dy="0.35em"
                className="fill-text text-[13px] font-medium [paint-order:stroke] [stroke:var(--color-surface)] [stroke-width:3px]"
              >
                {site.siteName}
                <tspan
                  className={changed ? "fill-accent" : "fill-muted"}
                >{` ${site.replicasNow}${changed ? ` → ${site.replicasAfter}` : ""}`}</tspan>
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="border-t border-border px-3 py-2 text-xs text-muted">
        Arrows: moves from → to, thicker for more. Beside each site: workload replicas now → after the plan. Dashed
        ring: excluded or in maintenance.
      </figcaption>
    </figure>
  );
}
