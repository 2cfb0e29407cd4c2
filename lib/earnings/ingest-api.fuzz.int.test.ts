// Property-based fuzzing (issue 14) of the ingest API over its real route handlers and database:
// any body, with or without a valid key, is answered with a 2xx/4xx — never a 500 or a throw — and
// a refused request writes nothing, an accepted one exactly what it reports.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postPrices } from "@/app/api/v1/prices/route";
import { POST as postRevenue } from "@/app/api/v1/revenue/route";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createMember } from "@/test/factories";
import { createTestCluster } from "@/test/earnings-clusters";
import { createApiKey } from "./mutations";
import { INGEST_RATE } from "./rate-limit";

const SEED = 1412;
const RUNS = 80;
let admin: Awaited<ReturnType<typeof createMember>>;
let cluster: { id: string; name: string };

beforeAll(async () => {
  admin = await createMember("admin");
  cluster = await createTestCluster();
});

/** A fresh key whenever the current one nears its rate limit (429s are tested elsewhere). */
function keys() {
  let current: string | null = null;
  let used = 0;
  return async () => {
    if (!current || used >= INGEST_RATE.requests - 1) {
      const made = await executeAction(
        createApiKey,
        { name: "fuzz", scopes: ["revenue:write", "prices:write"] },
        admin,
      );
      if (!made.ok) throw new Error(made.message);
      current = made.data.key;
      used = 0;
    }
    used += 1;
    return current;
  };
}

const scalar = () =>
  fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.constantFrom(null, "", "helium", "HNT", "USD", "2026-05-01", "2026-02-30", "9999-01-01", "-1", "1e309", "0.1"),
    fc.constant(cluster.name),
    fc.jsonValue(),
  );
const entry = () =>
  fc.dictionary(
    fc.constantFrom(
      "cluster",
      "network",
      "date",
      "amount",
      "symbol",
      "workload",
      "source",
      "external_id",
      "externalId",
      "usd",
    ),
    scalar(),
  );
const body = (list: "entries" | "prices") =>
  fc.oneof(
    fc.string().map((text) => ({ raw: text })),
    fc.jsonValue().map((value) => ({ raw: JSON.stringify(value) })),
    fc
      .array(fc.oneof(entry(), fc.jsonValue()), { maxLength: 8 })
      .map((items) => ({ raw: JSON.stringify({ [list]: items }) })),
  );
const authorization = fc.constantFrom("valid", "none", "Bearer sov_nope", "Basic x", "Bearer ");

async function counts() {
  const [entries, imports, prices, daily] = await Promise.all([
    db.revenueEntry.count(),
    db.earningsImport.count(),
    db.tokenPrice.count(),
    db.revenueDaily.aggregate({ _sum: { entries: true } }),
  ]);
  return { entries, imports, prices, rolledUp: daily._sum.entries ?? 0 };
}

describe.each([
  { name: "revenue", route: postRevenue, list: "entries" as const },
  { name: "prices", route: postPrices, list: "prices" as const },
])("POST /api/v1/$name under fuzzing", ({ route, list }) => {
  it("never answers 500 or throws; a refusal writes nothing, a success what it reports", async () => {
    const nextKey = keys();
    await fc.assert(
      fc.asyncProperty(body(list), authorization, async ({ raw }, auth) => {
        const header = auth === "valid" ? `Bearer ${await nextKey()}` : auth;
        const before = await counts();
        const response = await route(
          new Request("http://test/api/v1/fuzz", {
            method: "POST",
            body: raw,
            headers: header === "none" ? {} : { authorization: header },
          }),
        );
        expect([200, 400, 401, 403]).toContain(response.status);
        const answer = (await response.json()) as Record<string, unknown>;
        const after = await counts();
        if (response.status !== 200) {
          expect(after).toEqual(before);
          expect(typeof answer.message).toBe("string");
          return;
        }
        if (list === "entries") {
          expect(after.entries - before.entries).toBe(answer.imported);
          expect(after.rolledUp - before.rolledUp).toBe(answer.imported);
          expect(after.imports - before.imports).toBe(1);
        } else {
          expect(after.prices - before.prices).toBeLessThanOrEqual(Number(answer.saved));
          expect(after.entries).toBe(before.entries);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
