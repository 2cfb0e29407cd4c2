import { describe, expect, it, vi } from "vitest";
import { dailyEstimate, monthStarts } from "./electricity";

// electricity.ts guards against client bundles with "server-only", which throws outside Next.
vi.mock("server-only", () => ({}));

describe("electricity helpers", () => {
  it("lists the months a period touches, across a year end", () => {
    expect(monthStarts("2025-11-29", "2026-02-01")).toEqual(["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]);
    expect(monthStarts("2026-03-05", "2026-03-06")).toEqual(["2026-03-01"]);
  });

  it("estimates a day as price per kWh × watts per node × nodes × 24 h", () => {
    expect(dailyEstimate(0.25, 100, 2)).toBeCloseTo(1.2, 10);
  });
});
