import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { seedDemoEarnings } from "./demo-seed";
import { getEarningsReport } from "./queries";
import { buildView } from "./report";
import { createTestCluster } from "@/test/earnings-clusters";

// queries.ts guards against client bundles with "server-only", which throws outside Next.
vi.mock("server-only", () => ({}));

describe("demo earnings", () => {
  it("seed a year with seasonality, one cluster under its tier target, idempotently", async () => {
    const clusters = [
      await createTestCluster({ name: "demo-a", tier: 1, nodes: 3 }),
      await createTestCluster({ name: "demo-b", tier: 2, currency: "EUR", nodes: 2 }),
      await createTestCluster({ name: "demo-c", tier: 3, nodes: 1 }),
    ];
    const clusterIds = clusters.map((c) => c.id);
    const today = new Date("2026-11-28T12:00:00Z");
    const first = await seedDemoEarnings(db, { today, clusterIds });
    expect(first).toMatchObject({ clusters: 3, underTarget: "demo-b" });
    expect(first.entries).toBe(365 * (5 + 4 + 3));
    expect((await seedDemoEarnings(db, { today, clusterIds })).entries).toBe(0);

    const view = buildView(
      await getEarningsReport({
        from: "2025-12-01",
        to: "2026-11-28",
        clusterIds,
        networkIds: [],
        granularity: "month",
      }),
    );
    const byName = new Map(view.clusters.map((c) => [c.name, c]));
    expect(view.totals.unpriced).toBe(0);
    // November is only partly in the period, so 11 whole months are judged.
    expect(byName.get("demo-b")).toMatchObject({ monthsBelow: 11, monthsJudged: 11 });
    expect(byName.get("demo-a")?.months.filter((m) => m.status === "within").length).toBeGreaterThanOrEqual(10);
    expect(byName.get("demo-c")?.months.filter((m) => m.status === "within").length).toBeGreaterThanOrEqual(10);
    const a = byName.get("demo-a")?.months ?? [];
    const july = a.find((m) => m.month === "2026-07")?.revenueUsd ?? 0;
    const january = a.find((m) => m.month === "2026-01")?.revenueUsd ?? 0;
    expect(july).toBeGreaterThan(january * 1.2);
    expect(view.totals.electricityUsd).toBeGreaterThan(0);
  });
});
