// A site's marker: shape by role, size by tier, fill by health. Drawn around (0, 0) in screen
// pixels, so its size stays the same at every zoom. One path per shape, so the SVG and the canvas
// used during gestures (marker-canvas.ts) draw exactly the same thing.
import { HEALTH_FILL } from "./format";
import type { SiteHealth, SiteRole } from "@/lib/map/types";

/** Tier 1 sites are the biggest, as in the essay. */
export function markerRadius(tier: number): number {
  return tier <= 1 ? 9 : tier === 2 ? 7 : 5.5;
}

const f = (n: number) => n.toFixed(2);

export function markerPath(role: SiteRole, tier: number): string {
  const r = markerRadius(tier);
  switch (role) {
    case "primary": {
      const points: string[] = [];
      for (let i = 0; i < 10; i++) {
        const radius = i % 2 === 0 ? r * 1.35 : r * 0.6;
        const angle = (Math.PI / 5) * i - Math.PI / 2;
        points.push(`${f(radius * Math.cos(angle))},${f(radius * Math.sin(angle))}`);
      }
      return `M${points.join("L")}Z`;
    }
    case "regional_backup": {
      const h = r * 0.85;
      return `M${f(-h)},${f(-h)}H${f(h)}V${f(h)}H${f(-h)}Z`;
    }
    case "edge":
      return `M0,${f(-r)}L${f(r * 0.95)},${f(r * 0.7)}L${f(-r * 0.95)},${f(r * 0.7)}Z`;
    case "remote":
      return `M${f(-r)},0A${f(r)},${f(r)} 0 1,0 ${f(r)},0A${f(r)},${f(r)} 0 1,0 ${f(-r)},0Z`;
  }
}

export const MARKER_STROKE = { normal: 1.5, selected: 2.5 } as const;

export function MarkerShape({
  role,
  tier,
  health,
  selected,
}: {
  role: SiteRole;
  tier: number;
  health: SiteHealth;
  selected?: boolean;
}) {
  return (
    <path
      d={markerPath(role, tier)}
      fill={HEALTH_FILL[health]}
      stroke={selected ? "var(--color-text)" : "var(--color-surface)"}
      strokeWidth={selected ? MARKER_STROKE.selected : MARKER_STROKE.normal}
      strokeLinejoin="round"
    />
  );
}
