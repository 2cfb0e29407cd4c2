import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCluster, createMember } from "@/test/factories";
import { economicContributionByMember } from "./stake";

const NOW = new Date("2026-11-28T12:00:00Z");
const daysAgo = (n: number) => new Date(Date.UTC(2026, 10, 28 - n));
const hoursBefore = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
let seq = 0;

/** A ledger entry in USD as ingest writes it (with its rollup row), inserted at `createdAt`. */
async function entry(clusterId: string, day: Date, usd: string, createdAt: Date, symbol = "USD", tokens = usd) {
  seq += 1;
  await db.revenueEntry.create({
    data: {
      clusterId,
      networkId: "helium",
      day,
      tokenAmount: tokens,
      tokenSymbol: symbol,
      amountUsd: symbol === "USD" ? usd : null,
      source: "test",
      dedupeKey: `h:stake-${seq}`,
      createdAt,
    },
  });
  await db.revenueDaily.upsert({
    where: { clusterId_networkId_day: { clusterId, networkId: "helium", day } },
    create: { clusterId, networkId: "helium", day, entries: 1, revenueUsd: symbol === "USD" ? usd : "0" },
    update: { entries: { increment: 1 } },
  });
}

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
    await entry(earning.id, daysAgo(120), "5000", hoursBefore(24 * 100)); // outside the window
    await entry(earning.id, daysAgo(10), "1000", hoursBefore(24 * 9));
    // 10 USD of revenue against 540 USD of electricity: a loss, which counts as 0.
    await entry(losing.id, daysAgo(5), "10", hoursBefore(24 * 4));
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

  it("counts only entries and prices in the ledger 24 hours before the vote opened", async () => {
    const member = await createMember("operator");
    // No electricity data: revenue is the whole contribution.
    const cluster = await createCluster({ currency: "USD", electricityPricePerKwh: "0", wattsPerNode: null });
    await db.clusterAssignment.create({ data: { userId: member.id, clusterId: cluster.id } });
    await entry(cluster.id, daysAgo(3), "100", hoursBefore(25));
    const before = (await economicContributionByMember(db, [member.id], NOW)).get(member.id);
    expect(before).toBeCloseTo(100, 6);

    // Uploaded an hour before opening, for a day well inside the window: not counted.
    await entry(cluster.id, daysAgo(2), "900000", hoursBefore(1));
    // Tokens whose price was set two days earlier count; tokens priced an hour before do not.
    // Symbols of this test alone: other tests in the same database price the real ones.
    const suffix = Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");
    const [hnt, fil] = [`H${suffix}`, `F${suffix}`];
    await entry(cluster.id, daysAgo(4), "0", hoursBefore(48), hnt, "10");
    await entry(cluster.id, daysAgo(5), "0", hoursBefore(48), fil, "10");
    await db.tokenPrice.createMany({
      data: [
        { symbol: hnt, day: daysAgo(4), usd: "5", createdAt: hoursBefore(30), changedAt: hoursBefore(30) },
        { symbol: fil, day: daysAgo(5), usd: "100000", createdAt: hoursBefore(30), changedAt: hoursBefore(1) },
      ],
    });
    expect((await economicContributionByMember(db, [member.id], NOW)).get(member.id)).toBeCloseTo(100 + 50, 6);
  });
});
