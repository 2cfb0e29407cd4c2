// Axis helpers for the time-series charts: where the ticks go and how they read. Pure, so the
// chart wrapper (components/charts) stays a thin layer over recharts.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Evenly spaced tick times on round boundaries: every 4 h over a day, every day over a week. */
export function timeTicks(from: number, to: number): number[] {
  if (!(to > from)) return [];
  const span = to - from;
  const step = span <= 2 * DAY ? 4 * HOUR : span <= 14 * DAY ? DAY : 7 * DAY;
  // Align to UTC multiples of the step so ticks do not wander as the window slides.
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** A tick label for a time axis: "14:00" for a day-long chart, "Mon 28" for longer ones. */
export function formatTimeTick(t: number, spanMs: number, locale?: string, timeZone?: string): string {
  const date = new Date(t);
  if (spanMs <= 2 * DAY)
    return date.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", hour12: false, timeZone });
  return date.toLocaleDateString(locale, { weekday: "short", day: "numeric", timeZone });
}

/** A "nice" upper bound for a value axis: 1, 2, 2.5 or 5 × a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (factor * power >= max) return factor * power;
  }
  return 10 * power;
}

/** A series of used/total pairs as percentages (null where either is unknown: a gap, not a 0). */
export function toPercentSeries<T extends { t: number }>(
  points: readonly T[],
  used: (p: T) => number | null,
  total: (p: T) => number | null,
): Array<{ t: number; value: number | null }> {
  return points.map((p) => {
    const u = used(p);
    const tot = total(p);
    return { t: p.t, value: u === null || tot === null || tot <= 0 ? null : Math.round((u / tot) * 1000) / 10 };
  });
}
