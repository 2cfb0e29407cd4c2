import { describe, expect, it } from "vitest";
import { parseFilter } from "./filter";

const today = new Date("2026-11-28T10:00:00Z");

describe("earnings filter from the URL", () => {
  it("defaults to the last 12 months from a month's first day, all clusters and networks, by month", () => {
    expect(parseFilter({}, today)).toEqual({
      from: "2025-12-01",
      to: "2026-11-28",
      clusterIds: [],
      networkIds: [],
      granularity: "month",
    });
  });

  it("keeps valid values and drops malformed ones", () => {
    const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    expect(
      parseFilter(
        { from: "2026-01-01", to: "2026-03-31", cluster: [id, "'; drop"], network: "helium", by: "week" },
        today,
      ),
    ).toEqual({ from: "2026-01-01", to: "2026-03-31", clusterIds: [id], networkIds: ["helium"], granularity: "week" });
    expect(parseFilter({ from: "2026-05-01", to: "2026-04-01", by: "year", network: "Bad Name" }, today)).toMatchObject(
      { from: "2026-04-01", to: "2026-04-01", networkIds: [], granularity: "month" },
    );
  });
});
