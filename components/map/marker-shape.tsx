// A site's marker: shape by role, size by tier, fill by health. Drawn around (0, 0) in screen
// pixels, so its size stays the same at every zoom.
import { HEALTH_FILL } from "./format";
import type { SiteHealth, SiteRole } from "@/lib/map/types";

/** Tier 1 sites are the biggest, as in the essay. */
export function markerRadius(tier: number): number {
  return tier <= 1 ? 9 : tier === 2 ? 7 : 5.5;
}

function starPath(r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r * 1.35 : r * 0.6;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(radius * Math.cos(angle)).toFixed(2)},${(radius * Math.sin(angle)).toFixed(2)}`);
  }
  return `M${points.join("L")}Z`;
}

export function MarkerShape({ role, tier, health, selected }: { role: SiteRole; tier: number; health: SiteHealth; selected?: boolean }) {
  const r = markerRadius(tier);
  const common = { fill: HEALTH_FILL[health], stroke: selected ? "var(--color-text)" : "var(--color-surface)", strokeWidth: selected ? 2.5 : 1.5 };
  switch (role) {
    case "primary":
      return <path d={starPath(r)} {...common} />;
    case "regional_backup":
      return <rect x={-r * 0.85} y={-r * 0.85} width={r * 1.7} height={r * 1.7} rx={1.5} {...common} />;
    case "edge":
      return <path d={`M0,${-r}L${r * 0.95},${r * 0.7}L${-r * 0.95},${r * 0.7}Z`} {...common} />;
    case "remote":
      return <circle r={r} {...common} />;
  }
}
