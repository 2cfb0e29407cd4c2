// Money as people read it. Amounts arrive as plain numbers (USD); every screen formats them here.

export interface UsdOptions {
  /** A BCP 47 locale; undefined means the reader's (in the browser) or the runtime's. */
  locale?: string;
  /** "1.2K" for chart axes. */
  compact?: boolean;
  /** No cents, for a figure that is an estimate anyway (a site's month on the map). */
  whole?: boolean;
}

/** US dollars: cents below $1,000, whole dollars from there on (cents are noise at that size). */
export function formatUsd(value: number, { locale, compact = false, whole = false }: UsdOptions = {}): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: compact ? 1 : whole || Math.abs(value) >= 1000 ? 0 : 2,
    notation: compact ? "compact" : "standard",
  }).format(value);
}
