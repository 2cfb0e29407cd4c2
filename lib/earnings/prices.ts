// Daily prices (USD per token, or per unit of a currency for electricity bills). Applying a price
// also prices the ledger entries of that symbol and day — new ones and, when a price is corrected,
// already priced ones — and moves the rollups by the difference, in the same transaction.
import type { Tx } from "@/lib/db";
import { canonicalAmount, parseDay, type RowProblem } from "./validate";
import { PRICING_LOCK_KEY } from "./ingest";

export interface PriceRow {
  symbol: string;
  day: string;
  usd: string;
}

export type RawPrice = { symbol?: string; date?: string; usd?: string };

export function validatePrice(
  raw: RawPrice,
  line: number,
  latestDay: string,
): { price: PriceRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const symbol = (raw.symbol ?? "").trim().toUpperCase();
  if (!/^[A-Z0-9._-]{1,16}$/.test(symbol))
    problems.push({ line, column: "symbol", reason: symbol ? "is not a token symbol" : "is empty" });
  const dateText = (raw.date ?? "").trim();
  const day = parseDay(dateText);
  if (!day) problems.push({ line, column: "date", reason: dateText ? "is not a date (use YYYY-MM-DD)" : "is empty" });
  else if (day > latestDay) problems.push({ line, column: "date", reason: "is in the future" });
  const usdText = (raw.usd ?? "").trim();
  const usd = usdText.startsWith("-") ? null : canonicalAmount(usdText);
  if (usd === null)
    problems.push({
      line,
      column: "usd",
      reason: usdText.startsWith("-") ? "is negative" : usdText ? "is not a decimal number" : "is empty",
    });
  else if (Number(usd) > 10_000_000) problems.push({ line, column: "usd", reason: "is implausibly large" });
  if (problems.length > 0 || !day || usd === null) return { problems };
  return { price: { symbol, day, usd } };
}

/**
 * Locks, in id order, the ledger entries whose price the given prices change, so that two
 * repricings of overlapping entries queue instead of deadlocking.
 */
async function lockEntriesToReprice(
  tx: Tx,
  symbols: readonly string[],
  days: readonly string[],
  usd: readonly string[],
): Promise<void> {
  await tx.$queryRaw`
    SELECT e."id" FROM "RevenueEntry" e
    JOIN unnest(${symbols}::text[], ${days}::date[], ${usd}::numeric[]) AS p(symbol, day, usd)
      ON e."tokenSymbol" = p.symbol AND e."day" = p.day
    WHERE e."tokenSymbol" <> 'USD' AND e."amountUsd" IS DISTINCT FROM round(e."tokenAmount" * p.usd, 6)
    ORDER BY e."id"
    FOR UPDATE OF e`;
}

/**
 * Upserts prices and reprices the entries they concern; returns how many entries changed and how
 * many days got a different price (their previous price is kept in TokenPriceRevision).
 */
export async function applyPrices(
  tx: Tx,
  prices: readonly PriceRow[],
): Promise<{ prices: number; repriced: number; overwritten: number }> {
  const unique = new Map<string, PriceRow>();
  // The last price given for a symbol and day wins, as in a spreadsheet.
  for (const p of prices) unique.set(`${p.symbol}\u0000${p.day}`, p);
  const rows = [...unique.values()].sort((a, b) => (a.symbol + a.day < b.symbol + b.day ? -1 : 1));
  if (rows.length === 0) return { prices: 0, repriced: 0, overwritten: 0 };
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PRICING_LOCK_KEY})`;
  const symbols = rows.map((r) => r.symbol);
  const days = rows.map((r) => r.day);
  const usd = rows.map((r) => r.usd);
  // A day given another price keeps the one it replaces: the table's trigger copies it to
  // TokenPriceRevision (migration ledger_revisions). The same price again changes nothing.
  const written = await tx.$queryRaw<Array<{ overwritten: boolean }>>`
    INSERT INTO "TokenPrice" ("symbol", "day", "usd")
    SELECT * FROM unnest(${symbols}::text[], ${days}::date[], ${usd}::numeric[])
    ON CONFLICT ("symbol", "day") DO UPDATE SET "usd" = EXCLUDED."usd",
      -- A correction dates the price anew (governance weighs only prices that held long enough).
      "changedAt" = now()
      WHERE "TokenPrice"."usd" IS DISTINCT FROM EXCLUDED."usd"
    RETURNING (xmax <> 0) AS overwritten`;
  const overwritten = written.filter((w) => w.overwritten).length;
  await lockEntriesToReprice(tx, symbols, days, usd);
  const result = await tx.$queryRaw<Array<{ repriced: number }>>`
    WITH p AS (SELECT * FROM unnest(${symbols}::text[], ${days}::date[], ${usd}::numeric[]) AS t(symbol, day, usd)),
    old AS (
      SELECT e."id", e."amountUsd" AS old_usd, round(e."tokenAmount" * p.usd, 6) AS new_usd
      FROM "RevenueEntry" e JOIN p ON e."tokenSymbol" = p.symbol AND e."day" = p.day
      WHERE e."tokenSymbol" <> 'USD' AND e."amountUsd" IS DISTINCT FROM round(e."tokenAmount" * p.usd, 6)
    ), changed AS (
      UPDATE "RevenueEntry" e SET "amountUsd" = old.new_usd FROM old WHERE e."id" = old."id"
      RETURNING e."clusterId", e."networkId", e."day", old.old_usd, old.new_usd
    ), agg AS (
      SELECT "clusterId", "networkId", "day", sum(new_usd - coalesce(old_usd, 0)) AS delta,
             count(*) FILTER (WHERE old_usd IS NULL)::int AS newly_priced
      FROM changed GROUP BY 1, 2, 3
    ), rolled AS (
      UPDATE "RevenueDaily" r SET "revenueUsd" = r."revenueUsd" + agg.delta, "unpricedEntries" = r."unpricedEntries" - agg.newly_priced
      FROM agg WHERE r."clusterId" = agg."clusterId" AND r."networkId" = agg."networkId" AND r."day" = agg."day"
      RETURNING 1
    ), monthly_delta AS (
      SELECT "clusterId", "networkId", ("day" - (extract(day FROM "day")::int - 1)) AS month, sum(delta) AS delta, sum(newly_priced)::int AS newly_priced
      FROM agg GROUP BY 1, 2, 3
    ), monthly AS (
      UPDATE "RevenueMonthly" r SET "revenueUsd" = r."revenueUsd" + d.delta, "unpricedEntries" = r."unpricedEntries" - d.newly_priced
      FROM monthly_delta d WHERE r."clusterId" = d."clusterId" AND r."networkId" = d."networkId" AND r."month" = d.month
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM changed)::int AS repriced, (SELECT count(*) FROM rolled)::int AS rolled, (SELECT count(*) FROM monthly)::int AS monthly`;
  return { prices: rows.length, repriced: result[0]?.repriced ?? 0, overwritten };
}

/**
 * USD per unit of each currency (or token) on `day`: its latest price on or before that day, as
 * the electricity report converts a month without prices of its own. USD is 1; a symbol without
 * any price is left out, so callers say it is unconverted rather than guess.
 */
export async function latestUsdRates(
  client: Tx,
  symbols: readonly string[],
  day: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const wanted = [...new Set(symbols.map((s) => s.toUpperCase()))];
  if (wanted.includes("USD")) out.set("USD", 1);
  const others = wanted.filter((s) => s !== "USD");
  if (others.length === 0) return out;
  const rows = await client.$queryRaw<Array<{ symbol: string; usd: number }>>`
    SELECT s.symbol, (SELECT p."usd" FROM "TokenPrice" p WHERE p."symbol" = s.symbol AND p."day" <= ${day}::date ORDER BY p."day" DESC LIMIT 1)::float8 AS usd
    FROM unnest(${others}::text[]) AS s(symbol)`;
  for (const r of rows) if (r.usd !== null) out.set(r.symbol, r.usd);
  return out;
}
