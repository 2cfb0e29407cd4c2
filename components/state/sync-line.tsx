import { formatAge } from "@/lib/format/units";
import { describeErrorKind, type SyncStatus } from "@/lib/state/staleness";

/**
 * How old the figures are, in words: "synced 12 s ago", or "stale: last sync 5 min ago,
 * unreachable: connection refused". Rendered on the server with the page's clock; the live
 * refresh re-renders it.
 */
export function syncText(sync: SyncStatus): string {
  const age = sync.ageMs === null ? null : `${formatAge(sync.ageMs)} ago`;
  const error = sync.error
    ? `${describeErrorKind(sync.error.kind)}${sync.error.message ? `: ${sync.error.message}` : ""}`
    : null;
  switch (sync.freshness) {
    case "fresh":
      return `synced ${age}`;
    case "stale":
      return [`stale: last sync ${age}`, error].filter(Boolean).join(", ");
    case "never":
      return error ? `not synced yet, ${error}` : "not synced yet";
    case "disabled":
      return age ? `sync disabled, last sync ${age}` : "sync disabled";
    case "certificate_changed":
      return `certificate changed: sync paused until an admin accepts it${age ? `, last sync ${age}` : ""}`;
  }
}

export function SyncLine({ sync }: { sync: SyncStatus }) {
  const tone = sync.freshness === "fresh" ? "text-muted" : sync.freshness === "disabled" ? "text-muted" : "text-danger";
  return (
    <p className={`text-xs ${tone}`} data-testid="sync-line">
      {syncText(sync)}
    </p>
  );
}
