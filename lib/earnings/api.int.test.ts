import { beforeAll, describe, expect, it } from "vitest";
import { POST as postPrices } from "@/app/api/v1/prices/route";
import { POST } from "@/app/api/v1/revenue/route";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createMember } from "@/test/factories";
import { hashApiKey } from "./api-keys";
import { ingestApiBatch, MAX_API_BATCH } from "./api-ingest";
import { addManualEntry, addNetwork, createApiKey, revokeApiKey, setElectricityCost } from "./mutations";
import { createTestCluster } from "@/test/earnings-clusters";

let cluster: { id: string; name: string };
let admin: Awaited<ReturnType<typeof createMember>>;

async function makeKey(scopes: Array<"revenue:write" | "prices:write">) {
  const result = await executeAction(createApiKey, { name: "script", scopes }, admin);
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

function post(body: unknown, key?: string) {
  return POST(
    new Request("http://test/api/v1/revenue", {
      method: "POST",
      body: JSON.stringify(body),
      headers: key ? { authorization: `Bearer ${key}` } : {},
    }),
  );
}

beforeAll(async () => {
  cluster = await createTestCluster();
  admin = await createMember("admin");
});

describe("API keys", () => {
  it("are shown once, stored only hashed, audited without the secret; only admins create them", async () => {
    const { id, key } = await makeKey(["revenue:write"]);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(stored.hash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored)).not.toContain(key);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "earnings.api-key-created", targetId: id } });
    expect(JSON.stringify(event.payload)).not.toContain(key);
    for (const role of ["operator", "viewer"] as const) {
      expect(
        await executeAction(createApiKey, { name: "x", scopes: ["revenue:write"] }, await createMember(role)),
      ).toMatchObject({ ok: false, code: "forbidden" });
    }
  });

  it("missing, unknown, revoked or wrong-scope keys get 401/403 and nothing is written", async () => {
    const entry = { cluster: cluster.name, network: "helium", date: "2026-01-01", amount: 1, external_id: "k-1" };
    const good = await makeKey(["revenue:write"]);
    const pricesOnly = await makeKey(["prices:write"]);
    const revoked = await makeKey(["revenue:write"]);
    expect(await executeAction(revokeApiKey, { keyId: revoked.id }, admin)).toMatchObject({ ok: true });
    const before = await db.revenueEntry.count();
    expect((await post({ entries: [entry] })).status).toBe(401);
    expect((await post({ entries: [entry] }, `${good.key}x`)).status).toBe(401);
    expect((await post({ entries: [entry] }, revoked.key)).status).toBe(401);
    expect((await post({ entries: [entry] }, pricesOnly.key)).status).toBe(403);
    expect(await db.revenueEntry.count()).toBe(before);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: revoked.id } })).lastUsedAt).toBeNull();
  });
});

describe("POST /api/v1/revenue", () => {
  it("writes the valid entries, lists errors per entry, is idempotent, records last use", async () => {
    const { id, key } = await makeKey(["revenue:write"]);
    const entries = [
      { cluster: cluster.name, network: "helium", date: "2026-01-10", amount: "4.5", external_id: "api-1" },
      { cluster: cluster.name, network: "filecoin", date: "2026-01-10", amount: 2 },
      { cluster: cluster.name, network: "helium", date: "2026-01-10", amount: -1 },
      { cluster: "ghost", network: "helium", date: "2026-01-10", amount: 1 },
      "not an object",
    ];
    const response = await post({ entries }, key);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      received: 5,
      imported: 2,
      duplicates: 0,
      rejected: 3,
      errors: [
        { index: 2, field: "amount", reason: "is negative" },
        { index: 3, field: "cluster", reason: expect.stringContaining("unknown cluster") },
        { index: 4, field: "_", reason: expect.any(String) },
      ],
    });
    const again = await (await post({ entries: entries.slice(0, 2) }, key)).json();
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    expect(await db.revenueEntry.count({ where: { clusterId: cluster.id, day: new Date("2026-01-10") } })).toBe(2);
  });

  it("counts two concurrent identical batches once", async () => {
    const { key } = await makeKey(["revenue:write"]);
    const other = await createTestCluster();
    const entries = Array.from({ length: 3_000 }, (_, i) => ({
      cluster: other.name,
      network: i % 2 ? "render" : "akash",
      date: `2026-02-${String(1 + (i % 28)).padStart(2, "0")}`,
      amount: `${1 + i}.5`,
      ...(i % 3 ? { external_id: `c-${i}` } : {}),
    }));
    const answers = await Promise.all(
      [post({ entries }, key), post({ entries }, key)].map(async (r) => (await r).json()),
    );
    expect(answers.map((a) => a.imported + a.duplicates)).toEqual([3_000, 3_000]);
    expect(answers[0].imported + answers[1].imported).toBe(3_000);
    expect(await db.revenueEntry.count({ where: { clusterId: other.id } })).toBe(3_000);
    expect(
      (await db.revenueDaily.aggregate({ where: { clusterId: other.id }, _sum: { entries: true } }))._sum.entries,
    ).toBe(3_000);
  });

  it("refuses a batch over 10,000 entries and a body without entries", async () => {
    const { key } = await makeKey(["revenue:write"]);
    const big = await ingestApiBatch(`Bearer ${key}`, {
      entries: Array.from({ length: MAX_API_BATCH + 1 }, () => ({})),
    });
    expect(big).toMatchObject({ status: 400, body: { message: expect.stringContaining("10000") } });
    expect((await post({ nope: 1 }, key)).status).toBe(400);
  });
});

describe("manual entries and electricity costs", () => {
  it("an operator enters revenue by hand once; a viewer cannot", async () => {
    const operator = await createMember("operator");
    const input = {
      cluster: cluster.name,
      network: "akash",
      date: "2026-01-20",
      amount: "12.5",
      workload: "akash-provider",
    };
    expect(await executeAction(addManualEntry, input, operator)).toEqual({
      ok: true,
      data: { imported: 1, duplicate: false },
    });
    expect(await executeAction(addManualEntry, input, operator)).toEqual({
      ok: true,
      data: { imported: 0, duplicate: true },
    });
    expect(await executeAction(addManualEntry, { ...input, amount: "-2" }, operator)).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { amount: [expect.stringContaining("negative")] },
    });
    expect(await executeAction(addManualEntry, input, await createMember("viewer"))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("records a manual electricity cost for a day, replacing the previous one", async () => {
    const operator = await createMember("operator");
    await executeAction(setElectricityCost, { clusterId: cluster.id, day: "2026-01-05", cost: 3 }, operator);
    await executeAction(setElectricityCost, { clusterId: cluster.id, day: "2026-01-05", cost: 4.25 }, operator);
    const cost = await db.electricityCost.findUniqueOrThrow({
      where: { clusterId_day: { clusterId: cluster.id, day: new Date("2026-01-05") } },
    });
    expect(Number(cost.amount)).toBe(4.25);
  });

  it("costs a measured day's kWh at the cluster's price per kWh, and wants a cost or kWh, not both", async () => {
    const operator = await createMember("operator");
    const metered = await createTestCluster({ pricePerKwh: 0.25 });
    // As the form sends them: every field a string, the unused one empty.
    expect(
      await executeAction(
        setElectricityCost,
        { clusterId: metered.id, day: "2026-01-06", cost: "", kwh: "30.5", note: "" },
        operator,
      ),
    ).toEqual({ ok: true, data: { saved: true, cost: 7.625 } });
    const cost = await db.electricityCost.findUniqueOrThrow({
      where: { clusterId_day: { clusterId: metered.id, day: new Date("2026-01-06") } },
    });
    expect([Number(cost.amount), Number(cost.kwh)]).toEqual([7.625, 30.5]);
    for (const both of [
      { cost: "2", kwh: "3" },
      { cost: "", kwh: "" },
    ]) {
      expect(
        await executeAction(setElectricityCost, { clusterId: metered.id, day: "2026-01-07", ...both }, operator),
      ).toMatchObject({ ok: false, code: "validation", fieldErrors: { cost: [expect.stringContaining("either")] } });
    }
    expect(
      await executeAction(setElectricityCost, { clusterId: metered.id, day: "2026-01-07", kwh: "-1" }, operator),
    ).toMatchObject({ ok: false, fieldErrors: { kwh: [expect.stringContaining("negative")] } });
  });
});

describe("POST /api/v1/prices", () => {
  it("needs the prices:write scope, saves valid prices, prices waiting entries, lists errors", async () => {
    const revenueOnly = await makeKey(["revenue:write"]);
    const prices = await makeKey(["prices:write"]);
    const body = {
      prices: [
        { symbol: "akt", date: "2026-01-20", usd: 2 },
        { symbol: "AKT", date: "2026-01-21", usd: "-1" },
      ],
    };
    const request = (key: string) =>
      postPrices(
        new Request("http://test/api/v1/prices", {
          method: "POST",
          body: JSON.stringify(body),
          headers: { authorization: `Bearer ${key}` },
        }),
      );
    expect((await request(revenueOnly.key)).status).toBe(403);
    const response = await request(prices.key);
    expect(await response.json()).toMatchObject({
      received: 2,
      saved: 1,
      rejected: 1,
      errors: [{ index: 1, field: "usd", reason: "is negative" }],
    });
    expect(
      Number(
        (
          await db.tokenPrice.findUniqueOrThrow({
            where: { symbol_day: { symbol: "AKT", day: new Date("2026-01-20") } },
          })
        ).usd,
      ),
    ).toBe(2);
  });
});

describe("networks", () => {
  it("an admin adds a network that entries can then name; others cannot", async () => {
    const id = `net-${Date.now()}`;
    expect(
      await executeAction(
        addNetwork,
        { id, name: `Network ${id}`, defaultSymbol: "nt" },
        await createMember("operator"),
      ),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      await executeAction(
        addNetwork,
        { id, name: `Network ${id}`, defaultSymbol: "nt", monthlyMinUsd: "10", monthlyMaxUsd: "90" },
        admin,
      ),
    ).toEqual({ ok: true, data: { id } });
    expect(await executeAction(addNetwork, { id, name: "Other", defaultSymbol: "X" }, admin)).toMatchObject({
      ok: false,
      code: "conflict",
    });
    const operator = await createMember("operator");
    expect(
      await executeAction(
        addManualEntry,
        { cluster: cluster.name, network: id, date: "2026-01-02", amount: "1" },
        operator,
      ),
    ).toMatchObject({ ok: true, data: { imported: 1 } });
    expect((await db.revenueEntry.findFirstOrThrow({ where: { networkId: id } })).tokenSymbol).toBe("NT");
  });
});
