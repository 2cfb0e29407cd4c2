// Point 11 of issue 14: an upload that overwrites a day's price (or an electricity cost entered
// again for a day) keeps the previous value, whatever path wrote it.
import { describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createTestCluster } from "@/test/earnings-clusters";
import { createMember } from "@/test/factories";
import { setElectricityCost } from "./mutations";
import { applyPrices } from "./prices";
import { importPricesCsv } from "./prices-import";

const SYMBOL = "XHIST";
const day = new Date("2026-04-02T00:00:00Z");

async function revisions() {
  const rows = await db.tokenPriceRevision.findMany({ where: { symbol: SYMBOL }, orderBy: { id: "asc" } });
  return rows.map((r) => [r.day.toISOString().slice(0, 10), r.usd.toNumber(), r.replacedBy.toNumber()]);
}

describe("overwriting a price day", () => {
  it("keeps each previous price, and the same price again adds nothing", async () => {
    const first = await db.$transaction((tx) => applyPrices(tx, [{ symbol: SYMBOL, day: "2026-04-02", usd: "1.5" }]));
    expect(first).toMatchObject({ prices: 1, overwritten: 0 });
    const again = await db.$transaction((tx) => applyPrices(tx, [{ symbol: SYMBOL, day: "2026-04-02", usd: "1.5" }]));
    expect(again).toMatchObject({ overwritten: 0 });
    expect(await revisions()).toEqual([]);

    const admin = await createMember("admin");
    const csv = `symbol,date,usd\n${SYMBOL},2026-04-02,2.25\n${SYMBOL},2026-04-03,9\n`;
    const summary = await importPricesCsv({
      chunks: (async function* () {
        yield csv;
      })(),
      actor: { id: admin.id, label: admin.email },
      fileName: "p.csv",
    });
    expect(summary).toMatchObject({ status: "done", prices: 2, overwritten: 1 });
    await db.$transaction((tx) => applyPrices(tx, [{ symbol: SYMBOL, day: "2026-04-02", usd: "3" }]));

    const current = await db.tokenPrice.findUniqueOrThrow({ where: { symbol_day: { symbol: SYMBOL, day } } });
    expect(current.usd.toNumber()).toBe(3);
    expect(await revisions()).toEqual([
      ["2026-04-02", 1.5, 2.25],
      ["2026-04-02", 2.25, 3],
    ]);
    // The history itself cannot be rewritten.
    await expect(db.$executeRaw`UPDATE "TokenPriceRevision" SET usd = 0 WHERE symbol = ${SYMBOL}`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "TokenPriceRevision" WHERE symbol = ${SYMBOL}`).rejects.toThrow(
      /append-only/,
    );
    expect(
      await db.auditEvent.findFirst({
        where: { action: "earnings.prices-imported", actorId: admin.id },
        select: { payload: true },
      }),
    ).toMatchObject({ payload: { overwritten: 1 } });
  });

  it("keeps an electricity cost entered again for a day, and names the previous one in the audit", async () => {
    const operator = await createMember("operator");
    const cluster = await createTestCluster();
    const set = (cost: number) =>
      executeAction(setElectricityCost, { clusterId: cluster.id, day: "2026-04-05", cost }, operator);
    expect(await set(3)).toMatchObject({ ok: true });
    expect(await set(4.25)).toMatchObject({ ok: true });
    const kept = await db.electricityCostRevision.findMany({ where: { clusterId: cluster.id } });
    expect(kept.map((r) => r.amount.toNumber())).toEqual([3]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "earnings.electricity-cost-set", targetId: cluster.id },
      orderBy: { seq: "desc" },
    });
    expect(event.payload).toMatchObject({ amount: 4.25, previous: { amount: 3 } });
  });
});
