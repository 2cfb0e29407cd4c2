// Price CSV import (symbol, date, usd), streamed and batched like revenue: each batch of prices and
// the repricing it causes is one transaction; one audit event per import.
import { recordAudit, type AuditInput } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { csvRecords, CsvSyntaxError, type CsvRecord } from "./csv-records";
import { applyPrices, validatePrice, type PriceRow, type RawPrice } from "./prices";
import type { RowProblem } from "./validate";
import { MAX_REPORTED_PROBLEMS } from "./csv-import";

const HEADERS: Record<keyof RawPrice, readonly string[]> = {
  symbol: ["symbol", "token", "currency", "asset"],
  date: ["date", "day"],
  usd: ["usd", "price", "price_usd", "close", "rate"],
};

export interface PriceImportSummary {
  status: "done" | "failed";
  rowsRead: number;
  prices: number;
  repriced: number;
  /** Days that got a different price; each previous price is kept in TokenPriceRevision. */
  overwritten: number;
  rejected: number;
  problems: RowProblem[];
  /** Set when the import stopped part-way: what is saved and what to do. */
  failure?: string;
}

export async function importPricesCsv(options: {
  chunks: AsyncIterable<string>;
  actor: AuditInput["actor"];
  fileName?: string | null;
  batchSize?: number;
}): Promise<PriceImportSummary> {
  const batchSize = options.batchSize ?? 2_000;
  const latestDay = new Date().toISOString().slice(0, 10);
  const summary: PriceImportSummary = {
    status: "done",
    rowsRead: 0,
    prices: 0,
    repriced: 0,
    overwritten: 0,
    rejected: 0,
    problems: [],
  };
  let index: Map<keyof RawPrice, number> | null = null;
  let width = 0;
  let batch: PriceRow[] = [];
  let lastLine = 0;
  let savedThroughLine = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const result = await db.$transaction((tx) => applyPrices(tx, rows), { timeout: 60_000 });
    summary.prices += result.prices;
    summary.repriced += result.repriced;
    summary.overwritten += result.overwritten;
    savedThroughLine = lastLine;
  };
  const reject = (problems: RowProblem[]) => {
    summary.rejected++;
    for (const p of problems) if (summary.problems.length < MAX_REPORTED_PROBLEMS) summary.problems.push(p);
  };

  const take = async (r: CsvRecord) => {
    if (!index) {
      const found = new Map<keyof RawPrice, number>();
      const names = r.fields.map((f) => f.trim().toLowerCase());
      for (const key of ["symbol", "date", "usd"] as const) {
        const i = names.findIndex((n) => HEADERS[key].includes(n));
        if (i === -1)
          summary.problems.push({
            line: 1,
            column: key,
            reason: `missing column (one of ${HEADERS[key].join(", ")})`,
          });
        else found.set(key, i);
      }
      if (summary.problems.length > 0) throw new HeaderError();
      index = found;
      width = r.fields.length;
      return;
    }
    summary.rowsRead++;
    lastLine = r.line;
    if (r.fields.length !== width) {
      reject([{ line: r.line, column: "_", reason: `has ${r.fields.length} fields, the header has ${width}` }]);
      return;
    }
    const at = (key: keyof RawPrice) => r.fields[index?.get(key) ?? -1];
    const checked = validatePrice({ symbol: at("symbol"), date: at("date"), usd: at("usd") }, r.line, latestDay);
    if ("problems" in checked) reject(checked.problems);
    else batch.push(checked.price);
    if (batch.length >= batchSize) await flush();
  };

  try {
    let unreadable: CsvSyntaxError | null = null;
    try {
      for await (const record of csvRecords(options.chunks)) await take(record);
    } catch (error) {
      // A line the parser cannot read past is rejected; the prices before it are saved.
      if (!(error instanceof CsvSyntaxError)) throw error;
      reject([{ line: error.line, column: "_", reason: error.reason }]);
      // An unclosed quote ran to the end of the file: there is nothing after it to miss.
      if (!error.atEnd) unreadable = error;
    }
    await flush();
    if (unreadable) {
      summary.status = "failed";
      summary.failure = `Stopped at line ${unreadable.line}: ${unreadable.reason}. Prices before it are saved; fix the line and import the file again (saved prices are replaced, not added twice).`;
    }
  } catch (error) {
    summary.status = "failed";
    if (error instanceof HeaderError) summary.failure = "The file's columns do not match: nothing was saved.";
    else {
      console.error("[price import] failed", error instanceof Error ? error.message : error);
      // A price replaces the one for its symbol and day, so importing the whole file again is safe.
      summary.failure = `Stopped after line ${savedThroughLine}: prices up to it are saved, the batch after it was not. Import the file again to finish; saved prices are replaced, not added twice.`;
    }
  }
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: summary.status === "done" ? "earnings.prices-imported" : "earnings.prices-import-failed",
      actor: options.actor,
      targetType: "token-prices",
      payload: {
        fileName: options.fileName ?? null,
        rowsRead: summary.rowsRead,
        prices: summary.prices,
        repriced: summary.repriced,
        overwritten: summary.overwritten,
        rejected: summary.rejected,
      },
    }),
  );
  return summary;
}

class HeaderError extends Error {}
