// What the marker colours, shapes and sizes mean.
import { HEALTH_FILL, HEALTH_LABEL } from "./format";
import { SITE_ROLE_LABELS } from "@/lib/clusters/site-roles";
import { MarkerShape } from "./marker-shape";

const HEALTHS = ["up", "degraded", "down", "stale"] as const;
const ROLES = ["primary", "regional_backup", "remote", "edge"] as const;

export function MapLegend() {
  return (
    <details className="absolute bottom-2 right-2 hidden rounded-md border border-border bg-surface/90 px-2 py-1 text-xs shadow-sm sm:block">
      <summary className="cursor-pointer select-none font-medium">Legend</summary>
      <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 pb-1">
        {HEALTHS.map((health) => (
          <span key={health} className="flex items-center gap-1.5">
            <span className="inline-block size-2.5 rounded-full" style={{ background: HEALTH_FILL[health] }} />
            {HEALTH_LABEL[health]}
          </span>
        ))}
        {ROLES.map((role) => (
          <span key={role} className="flex items-center gap-1.5">
            <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden>
              <MarkerShape role={role} tier={3} health="stale" />
            </svg>
            {SITE_ROLE_LABELS[role]}
          </span>
        ))}
        <span className="col-span-2 text-muted">Larger markers: higher tier (1 is largest). Dashed links: mesh.</span>
      </div>
    </details>
  );
}
