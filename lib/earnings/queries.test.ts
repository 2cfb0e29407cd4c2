import { describe, expect, it, vi } from "vitest";
import { partialRanges, wholeMonths } from "./queries";

// queries.ts guards against client bundles with "server-only", which throws outside Next.
vi.mock("server-only", () => ({}));

describe("whole months of a period", () => {
  it("excludes partial first and last months", () => {
    expect(wholeMonths("2025-11-29", "2026-11-28")).toEqual({ start: "2025-12-01", end: "2026-10-31" });
    expect(wholeMonths("2026-01-01", "2026-02-28")).toEqual({ start: "2026-01-01", end: "2026-02-28" });
  });

  it("is empty inside one month", () => {
    const { start, end } = wholeMonths("2026-03-05", "2026-03-20");
    expect(start > end).toBe(true);
  });
});

describe("partial day ranges", () => {
  it("are the cut months' days, none for whole months, all of a period inside one month", () => {
    expect(partialRanges("2025-11-29", "2026-11-28", wholeMonths("2025-11-29", "2026-11-28"))).toEqual([
      ["2025-11-29", "2025-11-30"],
      ["2026-11-01", "2026-11-28"],
    ]);
    expect(partialRanges("2026-01-01", "2026-02-28", wholeMonths("2026-01-01", "2026-02-28"))).toEqual([]);
    expect(partialRanges("2026-03-05", "2026-03-20", wholeMonths("2026-03-05", "2026-03-20"))).toEqual([
      ["2026-03-05", "2026-03-20"],
    ]);
  });
});
