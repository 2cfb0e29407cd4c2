import { describe, expect, it } from "vitest";
import { formatTimeTick, niceMax, timeTicks, toPercentSeries } from "./axis";

const HOUR = 3_600_000;
const t0 = Date.UTC(2026, 10, 27, 12, 7);

describe("timeTicks", () => {
  it("puts day-chart ticks on round 4-hour UTC boundaries", () => {
    const ticks = timeTicks(t0, t0 + 24 * HOUR);
    expect(ticks[0]).toBe(Date.UTC(2026, 10, 27, 16));
    expect(ticks).toHaveLength(6);
    expect(ticks.every((t, i) => i === 0 || t - (ticks[i - 1] ?? 0) === 4 * HOUR)).toBe(true);
  });

  it("puts week-chart ticks on UTC midnights, and gives none for an empty span", () => {
    const ticks = timeTicks(t0 - 7 * 24 * HOUR, t0);
    expect(ticks).toHaveLength(7);
    expect(ticks.every((t) => new Date(t).getUTCHours() === 0)).toBe(true);
    expect(timeTicks(t0, t0)).toEqual([]);
  });
});

it("formats ticks by span", () => {
  expect(formatTimeTick(Date.UTC(2026, 10, 28, 14), 24 * HOUR, "en-GB", "UTC")).toBe("14:00");
  expect(formatTimeTick(Date.UTC(2026, 10, 28, 0), 7 * 24 * HOUR, "en-GB", "UTC")).toBe("Sat 28");
});

it("rounds axis maxima up to nice numbers", () => {
  expect(niceMax(0)).toBe(1);
  expect(niceMax(0.7)).toBe(1);
  expect(niceMax(13)).toBe(20);
  expect(niceMax(21)).toBe(25);
  expect(niceMax(40)).toBe(50);
  expect(niceMax(100)).toBe(100);
  expect(niceMax(101)).toBe(200);
});

it("turns used/total into percentages with gaps for unknowns", () => {
  const series = toPercentSeries(
    [
      { t: 1, u: 3, n: 12 },
      { t: 2, u: null, n: 12 },
      { t: 3, u: 1, n: 0 },
      { t: 4, u: 1, n: 3 },
    ],
    (p) => p.u,
    (p) => p.n,
  );
  expect(series).toEqual([
    { t: 1, value: 25 },
    { t: 2, value: null },
    { t: 3, value: null },
    { t: 4, value: 33.3 },
  ]);
});
