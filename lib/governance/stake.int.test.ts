import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCluster, createMember } from "@/test/factories";
import { economicContributionByMember } from "./stake";

const NOW = new Date("2026-11-28T12:00:00Z");
const daysAgo = (n: number) => new Date(Date.UTC(2026, 10, 28 - n));

describe("economic contribution", () => {
  it("is each assigned cluster's 90-day revenue minus electricity, split among its members, never negative", async () => {
    const [a, b, c, idle] = await Promise.all([
      createMember("operator"),
      createMember("operator"),
      createMember("viewer"),
      createMember("viewer"),
    ]);
    // 100 W on one node at 0.25 USD/kWh: 0.6 USD a day, 54 USD over the 90-day window.
    const earning = await createCluster({ currency: "USD", electricityPricePerKwh: "0.25", wattsPerNode: 100 });
    const losing = await createCluster({ currency: "USD", electricityPricePerKwh: "0.25", wattsPerNode: 1000 });
    await db.clusterNode.createMany({
      data: [
        { clusterId: earning.id, name: "pve1", status: "online" },
        { clusterId: losing.id, name: "pve1", status: "online" },
      ],
    });
    await db.revenueDaily.createMany({
      data: [
        { clusterId: earning.id, networkId: "helium", day: daysAgo(10), entries: 1, revenueUsd: "1000" },
        // Outside the window: not counted.
        { clusterId: earning.id, networkId: "helium", day: daysAgo(120), entries: 1, revenueUsd: "5000" },
        // 10 USD of revenue against 540 USD of electricity: a loss, which counts as 0.
        { clusterId: losing.id, networkId: "akash", day: daysAgo(5), entries: 1, revenueUsd: "10" },
      ],
    });
    await db.clusterAssignment.createMany({
      data: [
        { userId: a.id, clusterId: earning.id },
        { userId: b.id, clusterId: earning.id },
        { userId: c.id, clusterId: losing.id },
      ],
    });

    const contribution = await economicContributionByMember(db, [a.id, b.id, c.id, idle.id], NOW);
    expect(contribution.get(a.id)).toBeCloseTo((1000 - 54) / 2, 6);
    expect(contribution.get(b.id)).toBeCloseTo((1000 - 54) / 2, 6);
    expect(contribution.get(c.id)).toBe(0);
    expect(contribution.get(idle.id)).toBe(0);
  });
});
