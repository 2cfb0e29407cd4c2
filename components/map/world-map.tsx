"use client";
// The world map: countries, links and site markers in one SVG. Countries and links live in a
// group that zoom and pan transform as a whole; markers and labels are repositioned instead, so
// they keep their size on screen at every zoom.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { fitView, toScreen, worldView, type View } from "@/lib/map/view";
import type { MapLink, MapSite } from "@/lib/map/types";
import { formatKm, formatMs, HEALTH_LABEL } from "./format";
import { SITE_ROLE_LABELS } from "@/lib/clusters/site-roles";
import { MapBaseLayer } from "./map-base-layer";
import { MapControls } from "./map-controls";
import { clearMarkers, drawMarkers, themeColours, type CanvasMarker } from "./marker-canvas";
import { markerPath, markerRadius, MarkerShape } from "./marker-shape";
import { buildBaseMap } from "./projection";
import { useZoom } from "./use-zoom";

// Past this many, names and link labels would cover the map; they appear as you zoom in.
const ALWAYS_LABEL_SITES = 60;
const ALWAYS_LABEL_LINKS = 30;
const LABEL_ZOOM_OVER_WORLD = 10;
// Up to this many markers, moving the SVG markers themselves each frame stays well within a frame;
// beyond it they are drawn on a canvas while a gesture lasts (marker-canvas.ts).
const CANVAS_AFTER_SITES = ALWAYS_LABEL_SITES;
// Until the container is measured (server render), draw for a typical desktop map.
const DEFAULT_VIEWPORT = { width: 960, height: 560 };
// Below Tailwind's `sm`, the site panel opens over the bottom of the map.
const PHONE_MAX_WIDTH = 640;

interface Props {
  sites: MapSite[];
  links: MapLink[];
  selectedId: string | null;
  hoveredId: string | null;
  onSelect(id: string | null): void;
  onHover(id: string | null): void;
}

export function WorldMap({ sites, links, selectedId, hoveredId, onSelect, onHover }: Props) {
  const base = useMemo(() => buildBaseMap(sites, links), [sites, links]);
  const points = useMemo(() => [...base.points.values()], [base]);
  const containerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const baseSvg = useRef<SVGSVGElement>(null);
  const overlay = useRef<SVGGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const placed = useRef<Array<{ el: SVGElement; bx: number; by: number }>>([]);
  const painter = useRef<{
    markers: CanvasMarker[] | null;
    viewport: { width: number; height: number };
    colours: ReturnType<typeof themeColours> | null;
  }>({ markers: null, viewport: DEFAULT_VIEWPORT, colours: null });
  const touched = useRef(false);
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT);
  const [view, setSettledView] = useState<View>(() => fitView(points, base, DEFAULT_VIEWPORT));

  // The view React last rendered the base layer with; gestures move from it.
  const drawn = useRef(view);

  const paint = useCallback((next: View) => {
    // Countries and links were drawn for the settled view; until the gesture settles they are
    // moved as one composited layer (a GPU-less compositor still only copies pixels), and
    // re-drawn sharp at the new zoom afterwards.
    const from = drawn.current;
    const ratio = next.k / from.k;
    const layer = baseSvg.current;
    const settled = ratio === 1 && next.x === from.x && next.y === from.y;
    if (layer)
      layer.style.transform = settled
        ? ""
        : `translate(${(next.x - ratio * from.x).toFixed(2)}px,${(next.y - ratio * from.y).toFixed(2)}px) scale(${ratio.toFixed(5)})`;

    const { markers, viewport: size } = painter.current;
    const canvas = canvasRef.current;
    const group = overlay.current;
    if (markers && canvas && group) {
      if (settled) {
        clearMarkers(canvas);
        group.style.display = "";
        // Re-read next time: the colour scheme may change between gestures.
        painter.current.colours = null;
      } else {
        painter.current.colours ??= themeColours(canvas);
        // Out of the page while the gesture lasts, so each frame's repaint and layerisation skip
        // the hidden markers' display items (opacity 0 would still paint them).
        if (group.style.display !== "none") group.style.display = "none";
        drawMarkers(canvas, next, markers, painter.current.colours, size);
      }
      return;
    }
    for (const item of placed.current) {
      const [sx, sy] = toScreen(next, [item.bx, item.by]);
      item.el.setAttribute("transform", `translate(${sx.toFixed(1)},${sy.toFixed(1)})`);
    }
  }, []);
  const settle = useCallback((next: View) => setSettledView(next), []);
  const { viewRef, setView, zoomBy, wasDrag } = useZoom({ svgRef, base, viewport, paint, settle });

  const zoomedIn = view.k >= worldView(base, viewport).k * LABEL_ZOOM_OVER_WORLD;
  const showNames = sites.length <= ALWAYS_LABEL_SITES || zoomedIn;
  const focusId = selectedId ?? hoveredId;
  const canvasMarkers = useMemo(
    () =>
      sites.length <= CANVAS_AFTER_SITES
        ? null
        : sites.flatMap((site): CanvasMarker[] => {
            const at = base.points.get(site.id);
            if (!at) return [];
            const label = showNames || site.id === selectedId ? site.siteName : null;
            return [
              {
                bx: at[0],
                by: at[1],
                path: markerPath(site.role, site.tier),
                health: site.health,
                selected: site.id === selectedId,
                label,
                labelDx: markerRadius(site.tier) + 5,
              },
            ];
          }),
    [sites, base, showNames, selectedId],
  );

  // Measure the container; until someone zooms or pans, keep the federation fitted to it.
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const measure = () => {
      const size = { width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight) };
      setViewport(size);
      if (!touched.current) setView(fitView(points, base, size));
    };
    measure();
    // Marks the map as interactive (hydrated, fitted) for tests and the benchmark; a DOM write,
    // not state, so it costs no render.
    container.dataset.ready = "true";
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    return () => observer.disconnect();
  }, [base, points, setView]);

  // After each render, re-collect what moves with the view and paint the live view (a gesture may
  // be ahead of the settled state React rendered with).
  useLayoutEffect(() => {
    drawn.current = view;
    painter.current.markers = canvasMarkers;
    painter.current.viewport = viewport;
    placed.current = [...(overlay.current?.querySelectorAll<SVGElement>("[data-bx]") ?? [])].map((el) => ({
      el,
      bx: Number(el.dataset.bx),
      by: Number(el.dataset.by),
    }));
    paint(viewRef.current);
  });

  // On a phone the site panel covers the lower part of the map: lift a selected site above it.
  useEffect(() => {
    const at = selectedId ? base.points.get(selectedId) : undefined;
    const size = painter.current.viewport;
    if (!at || size.width >= PHONE_MAX_WIDTH) return;
    const current = viewRef.current;
    const [, y] = toScreen(current, at);
    if (y <= size.height * 0.45) return;
    touched.current = true;
    setView({ ...current, y: current.y - (y - size.height * 0.3) });
  }, [selectedId, base, setView, viewRef]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const mark = () => (touched.current = true);
    svg.addEventListener("pointerdown", mark);
    svg.addEventListener("wheel", mark, { passive: true });
    return () => {
      svg.removeEventListener("pointerdown", mark);
      svg.removeEventListener("wheel", mark);
    };
  }, []);

  const byId = useMemo(() => new Map(sites.map((s) => [s.id, s])), [sites]);

  return (
    <div
      ref={containerRef}
      className="relative h-full w-full overflow-hidden bg-[color-mix(in_oklab,var(--color-accent)_8%,var(--color-bg))]"
    >
      <MapBaseLayer ref={baseSvg} base={base} view={view} viewport={viewport} focusId={focusId} />
      <canvas ref={canvasRef} className="pointer-events-none absolute inset-0 h-full w-full" aria-hidden />
      <svg
        ref={svgRef}
        viewBox={`0 0 ${viewport.width} ${viewport.height}`}
        className="absolute inset-0 block h-full w-full cursor-grab touch-none select-none active:cursor-grabbing"
        role="group"
        aria-label="World map of the federation's sites"
        data-testid="world-map"
        onClick={(event) => {
          if (!wasDrag() && event.target === event.currentTarget) onSelect(null);
        }}
      >
        <g ref={overlay}>
          {base.links.map(({ link, mid }) => {
            const lit = focusId !== null && (link.fromId === focusId || link.toId === focusId);
            if (!mid || (!lit && base.links.length > ALWAYS_LABEL_LINKS)) return null;
            const [sx, sy] = toScreen(view, mid);
            const text = `${formatKm(link.distanceKm)}${link.measuredLatencyMs !== null ? ` · ${formatMs(link.measuredLatencyMs)}` : ""}`;
            return (
              <text
                key={`label-${link.id}`}
                data-bx={mid[0]}
                data-by={mid[1]}
                transform={`translate(${sx.toFixed(1)},${sy.toFixed(1)})`}
                className="pointer-events-none fill-muted text-[10px] [paint-order:stroke] [stroke:var(--color-surface)] [stroke-width:3px]"
                textAnchor="middle"
                dy={-3}
                data-testid="link-label"
              >
                {text}
              </text>
            );
          })}
          {sites.map((site) => {
            const at = base.points.get(site.id);
            if (!at) return null;
            const [sx, sy] = toScreen(view, at);
            const selected = site.id === selectedId;
            return (
              <g
                key={site.id}
                data-bx={at[0]}
                data-by={at[1]}
                data-site={site.clusterName}
                transform={`translate(${sx.toFixed(1)},${sy.toFixed(1)})`}
                role="button"
                tabIndex={0}
                aria-label={`${site.siteName}: ${SITE_ROLE_LABELS[site.role].toLowerCase()}, tier ${site.tier}, ${HEALTH_LABEL[site.health].toLowerCase()}`}
                aria-pressed={selected}
                className="cursor-pointer outline-none focus-visible:[&>*:first-child]:stroke-[var(--color-accent)]"
                onClick={(event) => {
                  event.stopPropagation();
                  if (!wasDrag()) onSelect(selected ? null : site.id);
                }}
                onKeyDown={(event) => {
                  if (event.key === "Enter" || event.key === " ") {
                    event.preventDefault();
                    onSelect(selected ? null : site.id);
                  }
                }}
                onPointerEnter={(event) => event.pointerType === "mouse" && onHover(site.id)}
                onPointerLeave={(event) => event.pointerType === "mouse" && onHover(null)}
              >
                {/* A larger invisible target: a 5 px triangle is hard to hit with a thumb. */}
                <circle r={Math.max(14, markerRadius(site.tier) + 6)} fill="transparent" />
                <MarkerShape role={site.role} tier={site.tier} health={site.health} selected={selected} />
                {(showNames || selected || site.id === hoveredId) && (
                  <text
                    x={markerRadius(site.tier) + 5}
                    dy="0.35em"
                    className="fill-text text-[11px] font-medium [paint-order:stroke] [stroke:var(--color-surface)] [stroke-width:3px]"
                  >
                    {site.siteName}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <MapControls
        onZoom={(factor) => ((touched.current = true), zoomBy(factor))}
        onFit={() => ((touched.current = false), setView(fitView(points, base, viewport)))}
        onWholeWorld={() => ((touched.current = true), setView(worldView(base, viewport)))}
      />
      {byId.size > base.points.size && (
        <p className="absolute bottom-2 left-2 rounded bg-surface/90 px-2 py-1 text-xs text-muted">
          {byId.size - base.points.size} site(s) without coordinates are not drawn.
        </p>
      )}
    </div>
  );
}
