import { describe, expect, it } from "vitest";
import { bandStatus, buildView, TIER_BANDS, viewToCsv } from "./report";
import type { EarningsReport } from "./report-types";

const report: EarningsReport = {
  filter: { from: "2026-01-01", to: "2026-02-28", clusterIds: [], networkIds: [], granularity: "month" },
  clusters: [
    { id: "a", name: "Alpha, primary", tier: 1, currency: "USD" },
    { id: "b", name: "Beta", tier: 3, currency: "EUR" },
  ],
  allClusters: [],
  networks: [{ id: "helium", name: "Helium", monthlyMinUsd: 500, monthlyMaxUsd: 2500 }],
  series: [
    { bucket: "2026-01-01", networkId: "helium", usd: 2600 },
    { bucket: "2026-02-01", networkId: "helium", usd: 1000 },
  ],
  monthly: [
    { month: "2026-01", clusterId: "a", networkId: "helium", usd: 2500, entries: 10, unpriced: 0 },
    { month: "2026-01", clusterId: "b", networkId: "helium", usd: 100, entries: 3, unpriced: 2 },
    { month: "2026-02", clusterId: "a", networkId: "helium", usd: 1000, entries: 5, unpriced: 0 },
  ],
  electricity: [
    { clusterId: "a", month: "2026-01", usd: 100, local: 100, manualDays: 0, noPowerData: false },
    { clusterId: "b", month: "2026-01", usd: null, local: 10, manualDays: 0, noPowerData: false },
  ],
};

describe("earnings view", () => {
  it("places values against bands", () => {
    expect(bandStatus(1999, TIER_BANDS[1])).toBe("below");
    expect(bandStatus(2000, TIER_BANDS[1])).toBe("within");
    expect(bandStatus(4001, TIER_BANDS[1])).toBe("above");
    expect(bandStatus(10, { min: null, max: null })).toBe("none");
  });

  it("totals, per-cluster months against tier bands, networks against their range, stacked series", () => {
    const view = buildView(report);
    expect(view.totals).toEqual({ revenueUsd: 3600, electricityUsd: null, netUsd: null, unpriced: 2, entries: 18 });
    expect(view.clusters[0]).toMatchObject({
      revenueUsd: 3500,
      electricityUsd: 100,
      netUsd: 3400,
      monthsBelow: 1,
      months: [
        { month: "2026-01", status: "within" },
        { month: "2026-02", status: "below" },
      ],
    });
    expect(view.clusters[1]).toMatchObject({ electricityUsd: null, netUsd: null, unpriced: 2 });
    // Beta's January has unpriced entries: 100 is only a lower bound, so it is not called below.
    expect(view.clusters[1]?.months[0]).toMatchObject({
      month: "2026-01",
      revenueUsd: 100,
      unpriced: 2,
      status: "unpriced",
    });
    expect(view.clusters[1]).toMatchObject({ monthsBelow: 1, monthsJudged: 1 });
    expect(view.electricityShown).toBe(true);
    expect(view.networks[0]?.months.map((m) => m.status)).toEqual(["above", "within"]);
    expect(view.stacked).toEqual([
      { bucket: "2026-01-01", helium: 2600 },
      { bucket: "2026-02-01", helium: 1000 },
    ]);
  });

  it("gives no electricity or net under a network filter: electricity is per cluster, not per network", () => {
    const view = buildView({ ...report, filter: { ...report.filter, networkIds: ["helium"] } });
    expect(view.electricityShown).toBe(false);
    expect(view.totals).toMatchObject({ revenueUsd: 3600, electricityUsd: null, netUsd: null });
    expect(view.clusters[0]).toMatchObject({ revenueUsd: 3500, electricityUsd: null, netUsd: null });
    expect(viewToCsv(view).split("\r\n")[1]).toBe('"Alpha, primary",1,3500.00,,,0,1');
  });

  it("does not judge a month the period only partly covers", () => {
    const view = buildView({ ...report, filter: { ...report.filter, from: "2026-01-15" } });
    expect(view.clusters[0]?.months.map((m) => m.status)).toEqual(["partial", "below"]);
    expect(view.clusters[0]).toMatchObject({ monthsBelow: 1, monthsJudged: 1 });
  });

  it("exports the table as CSV with quoted names and empty cells for unknowns", () => {
    expect(viewToCsv(buildView(report)).split("\r\n")).toEqual([
      "cluster,tier,revenue_usd,electricity_usd,net_usd,unpriced_entries,months_below_target",
      '"Alpha, primary",1,3500.00,100.00,3400.00,0,1',
      "Beta,3,100.00,,,2,1",
      "",
    ]);
  });
});
