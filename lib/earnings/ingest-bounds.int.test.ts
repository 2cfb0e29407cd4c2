// Issue 14, ingest bounds: a runaway CSV record stops the import at its line, and each API key
// gets a bounded number of requests, then 429 with Retry-After.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postPrices } from "@/app/api/v1/prices/route";
import { POST as postRevenue } from "@/app/api/v1/revenue/route";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createMember } from "@/test/factories";
import { createTestCluster } from "@/test/earnings-clusters";
import { importRevenueCsv } from "./csv-import";
import { createApiKey } from "./mutations";
import { INGEST_RATE } from "./rate-limit";

let admin: Awaited<ReturnType<typeof createMember>>;
let cluster: { id: string; name: string };
beforeAll(async () => {
  admin = await createMember("admin");
  cluster = await createTestCluster();
});

async function makeKey() {
  const result = await executeAction(
    createApiKey,
    { name: "script", scopes: ["revenue:write", "prices:write"] },
    admin,
  );
  if (!result.ok) throw new Error(result.message);
  return result.data.key;
}

const send = (route: typeof postRevenue, key: string, body: unknown) =>
  route(
    new Request("http://test/api/v1/x", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${key}` },
    }),
  );

describe("CSV importer", () => {
  it("fails fast on an unterminated quote in a big file, naming the line it opens on", async () => {
    let produced = 0;
    async function* file(): AsyncIterable<string> {
      yield "cluster,network,date,amount,external_id\n";
      yield `${cluster.name},helium,2026-06-01,1,ok-1\n${cluster.name},helium,2026-06-02,2,"ok-2\n`;
      // 40 MB of ordinary rows after the open quote, if it were all read.
      for (let i = 0; i < 1_000_000; i++) {
        produced += 1;
        yield `${cluster.name},helium,2026-06-03,3,row-${i}\n`;
      }
    }
    const started = Date.now();
    const summary = await importRevenueCsv({ chunks: file(), actor: { id: null, label: "test" }, fileName: "big.csv" });
    expect(summary).toMatchObject({
      status: "failed",
      imported: 1,
      problems: [expect.objectContaining({ line: 3, reason: expect.stringContaining("never closed") })],
    });
    expect(produced).toBeLessThan(5_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await db.revenueEntry.count({ where: { clusterId: cluster.id } })).toBe(1);
  });
});

describe("ingest API rate limit", () => {
  it(`answers 429 with Retry-After after ${INGEST_RATE.requests} requests of one key, and writes nothing`, async () => {
    const [key, other] = await Promise.all([makeKey(), makeKey()]);
    const entry = { cluster: cluster.name, network: "helium", date: "2026-05-01", amount: 1, external_id: "rl-1" };
    // Malformed bodies count too: a flood is a flood.
    for (let i = 0; i < INGEST_RATE.requests - 1; i++) expect((await send(postRevenue, key, {})).status).toBe(400);
    expect((await send(postRevenue, key, { entries: [entry] })).status).toBe(200);
    const before = await db.revenueEntry.count();
    const refused = await send(postRevenue, key, { entries: [{ ...entry, external_id: "rl-2" }] });
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(INGEST_RATE.windowSeconds);
    expect(await refused.json()).toMatchObject({ message: expect.stringContaining("Too many requests") });
    expect(await db.revenueEntry.count()).toBe(before);
    // Per key and per endpoint: another key, and the same key's prices, still go through.
    expect((await send(postRevenue, other, { entries: [{ ...entry, external_id: "rl-3" }] })).status).toBe(200);
    expect((await send(postPrices, key, { prices: [{ symbol: "HNT", date: "2026-05-01", usd: 4 }] })).status).toBe(200);
  });
});
