// Display formatting for the map: queries return numbers, these make them words.
const INTEGER = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatKm(km: number | null): string {
  return km === null ? "distance unknown" : `${INTEGER.format(km)} km`;
}

export function formatMs(ms: number): string {
  // Tenths matter for the short links a regional backup has; past 100 ms they are noise.
  return `${ms < 100 ? ONE_DECIMAL.format(ms) : INTEGER.format(ms)} ms`;
}

export const HEALTH_LABEL = { up: "Up", degraded: "Degraded", down: "Down", stale: "Stale" } as const;
export const HEALTH_TONE = { up: "ok", degraded: "warn", down: "danger", stale: "neutral" } as const;
export const HEALTH_FILL = {
  up: "var(--color-ok)",
  degraded: "var(--color-warn)",
  down: "var(--color-danger)",
  stale: "var(--color-muted)",
} as const;
