// The map's still layer: the sphere, countries and links, drawn for the settled view. During a
// gesture world-map.tsx moves this whole layer as one composited image and React re-draws it sharp
// when the gesture ends; it takes no input (the marker layer above it does).
import type { Ref } from "react";
import { transformAttribute, type View } from "@/lib/map/view";
import type { BaseMap } from "./projection";

interface Props {
  ref: Ref<SVGSVGElement>;
  base: BaseMap;
  view: View;
  viewport: { width: number; height: number };
  /** The selected or hovered site: its links are drawn stronger. */
  focusId: string | null;
}

export function MapBaseLayer({ ref, base, view, viewport, focusId }: Props) {
  return (
    <svg
      ref={ref}
      viewBox={`0 0 ${viewport.width} ${viewport.height}`}
      className="pointer-events-none absolute inset-0 block h-full w-full origin-top-left will-change-transform"
      aria-hidden
    >
      <g transform={transformAttribute(view)}>
        <path d={base.sphere} fill="none" stroke="var(--color-border)" vectorEffect="non-scaling-stroke" />
        <g
          fill="color-mix(in oklab, var(--color-muted) 22%, var(--color-surface))"
          stroke="var(--color-surface)"
          strokeWidth={0.6}
          vectorEffect="non-scaling-stroke"
        >
          {base.countries.map((country) => (
            <path key={country.id} d={country.d} vectorEffect="non-scaling-stroke" />
          ))}
        </g>
        <g fill="none" strokeLinecap="round" data-testid="map-links">
          {base.links.map(({ link, d }) => {
            const lit = focusId !== null && (link.fromId === focusId || link.toId === focusId);
            return (
              <path
                key={link.id}
                d={d}
                stroke="var(--color-accent)"
                strokeOpacity={lit ? 0.95 : link.kind === "mesh" ? 0.7 : 0.45}
                strokeWidth={lit ? 2.5 : 1.25}
                strokeDasharray={link.kind === "mesh" ? "5 4" : undefined}
                vectorEffect="non-scaling-stroke"
              />
            );
          })}
        </g>
      </g>
    </svg>
  );
}
