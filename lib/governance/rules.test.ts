import { describe, expect, it } from "vitest";
import { canCancel, compareForList, eligibleRoles, statusLabel } from "./rules";

describe("governance rules", () => {
  it("lets viewers vote only on economic proposals", () => {
    expect(eligibleRoles("economic")).toContain("viewer");
    expect(eligibleRoles("technical")).not.toContain("viewer");
    expect(eligibleRoles("emergency")).not.toContain("viewer");
  });

  it("labels emergencies by their ratification", () => {
    const at = new Date();
    expect(statusLabel({ type: "emergency", status: "open", enactedAt: at }).label).toBe(
      "enacted, awaiting ratification",
    );
    expect(statusLabel({ type: "emergency", status: "rejected", enactedAt: at }).label).toBe("not ratified");
    expect(statusLabel({ type: "emergency", status: "passed", enactedAt: at }).label).toBe("ratified");
    expect(statusLabel({ type: "technical", status: "open", enactedAt: null }).label).toBe("open");
  });

  it("withdraws only drafts: an open vote runs to its end, an enacted emergency faces its vote", () => {
    expect(canCancel({ status: "draft", enactedAt: null })).toBe(true);
    expect(canCancel({ status: "open", enactedAt: new Date() })).toBe(false);
    expect(canCancel({ status: "open", enactedAt: null })).toBe(false);
    expect(canCancel({ status: "passed", enactedAt: null })).toBe(false);
  });

  it("lists open proposals first, soonest closing first", () => {
    const d = (n: number) => new Date(2026, 10, n);
    const items = [
      { id: "done", status: "done" as const, closesAt: d(1), updatedAt: d(9) },
      { id: "late", status: "open" as const, closesAt: d(20), updatedAt: d(1) },
      { id: "draft", status: "draft" as const, closesAt: d(5), updatedAt: d(2) },
      { id: "soon", status: "open" as const, closesAt: d(10), updatedAt: d(1) },
    ];
    expect(items.sort(compareForList).map((i) => i.id)).toEqual(["soon", "late", "draft", "done"]);
  });
});
