// Validation of one revenue row, pure: the same rules for CSV rows, API entries and the manual
// form. A row is either a normalised entry or a list of problems naming the column and the reason.
import { createHash } from "node:crypto";
import { REQUIRED_FIELDS, type EntryField, type RawEntry, type RowProblem } from "./fields";

export { ENTRY_FIELDS, REQUIRED_FIELDS, type EntryField, type RawEntry, type RowProblem } from "./fields";

export interface NormalizedEntry {
  clusterId: string;
  networkId: string;
  workload: string | null;
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** A canonical decimal string: no leading or trailing zeros, no exponent. */
  amount: string;
  symbol: string;
  source: string;
  externalId: string | null;
  dedupeKey: string;
}

export interface ValidationContext {
  /** Cluster name (lower case) or id → id. */
  clusters: ReadonlyMap<string, string>;
  /** Network id or name (lower case) → { id, default token symbol }. */
  networks: ReadonlyMap<string, { id: string; defaultSymbol: string }>;
  /** The last day an entry may be for (today, UTC): rewards are not earned in the future. */
  latestDay: string;
  defaultSource: string;
  /** The clusters the importing member may record for (lib/auth/cluster-scope.ts); absent: all. */
  recordable?: ReadonlySet<string>;
}

// No token reward in this ledger is anywhere near a billion units a day; bigger means a unit or
// column mix-up (wei instead of FIL, a timestamp in the amount column).
export const MAX_TOKEN_AMOUNT = 1_000_000_000;
const EARLIEST_DAY = "2009-01-03";
// PostgreSQL text cannot hold a NUL: one would fail the whole batch's statement.
const NUL_REASON = "contains a NUL character";
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,18}))?$/;

export function canonicalAmount(text: string): string | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const whole = (match[1] ?? "0").replace(/^0+(?=\d)/, "");
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?$/;

/** YYYY-MM-DD from a date or an ISO timestamp (its UTC day); null if not a real date. */
export function parseDay(text: string): string | null {
  // A plain date is checked by arithmetic: building a Date for each of 10,000 entries was a
  // third of validating a batch. February 30 and month 13 are refused, not rolled over.
  const plain = CALENDAR_DAY.exec(text);
  if (plain) {
    const year = Number(plain[1]);
    const month = Number(plain[2]);
    const day = Number(plain[3]);
    if (month < 1 || month > 12 || day < 1) return null;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const length = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    return day <= length ? text : null;
  }
  if (!TIMESTAMP.test(text)) return null;
  const date = new Date(text.replace(" ", "T"));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** The idempotency key: the source's own id when it gives one, else a hash of what the entry says. */
export function dedupeKeyOf(entry: Omit<NormalizedEntry, "dedupeKey">): string {
  if (entry.externalId) return `x:${entry.externalId}`;
  const content = JSON.stringify([
    entry.clusterId,
    entry.networkId,
    entry.day,
    entry.amount,
    entry.symbol,
    entry.workload ?? "",
  ]);
  return `h:${createHash("sha256").update(content).digest("hex")}`;
}

function text(value: string | null | undefined): string {
  return (value ?? "").trim();
}

export function validateEntry(
  raw: RawEntry,
  line: number,
  ctx: ValidationContext,
): { entry: NormalizedEntry } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (column: EntryField, reason: string) => problems.push({ line, column, reason });

  for (const field of REQUIRED_FIELDS) if (!text(raw[field])) problem(field, "is empty");

  const clusterText = text(raw.cluster);
  const clusterId = clusterText ? ctx.clusters.get(clusterText.toLowerCase()) : undefined;
  if (clusterText && !clusterId) problem("cluster", `unknown cluster "${clusterText.slice(0, 80)}"`);
  if (clusterId && ctx.recordable && !ctx.recordable.has(clusterId))
    problem("cluster", `"${clusterText.slice(0, 80)}" is not one of your assigned clusters`);

  const networkText = text(raw.network);
  const network = networkText ? ctx.networks.get(networkText.toLowerCase()) : undefined;
  if (networkText && !network) problem("network", `unknown network "${networkText.slice(0, 80)}"`);

  const dateText = text(raw.date);
  const day = dateText ? parseDay(dateText) : null;
  if (dateText && !day) problem("date", "is not a date (use YYYY-MM-DD)");
  else if (day && day > ctx.latestDay) problem("date", `is in the future (latest allowed ${ctx.latestDay})`);
  else if (day && day < EARLIEST_DAY) problem("date", "is before any token existed");

  const amountText = text(raw.amount).replaceAll("_", "");
  let amount: string | null = null;
  if (amountText) {
    if (/^-/.test(amountText)) problem("amount", "is negative");
    else {
      amount = canonicalAmount(amountText.replace(/^\+/, ""));
      const value = amount === null ? Number.NaN : Number(amount);
      if (amount === null) problem("amount", "is not a decimal number (digits and one dot, up to 18 decimals)");
      else if (value > MAX_TOKEN_AMOUNT)
        problem("amount", `is implausibly large (over ${MAX_TOKEN_AMOUNT.toLocaleString("en")})`);
      else if (value === 0) problem("amount", "is zero");
    }
  }

  const symbol = (text(raw.symbol) || network?.defaultSymbol || "").toUpperCase();
  if (symbol && !/^[A-Z0-9._-]{1,16}$/.test(symbol)) problem("symbol", "is not a token symbol");
  const workload = text(raw.workload) || null;
  if (workload && workload.length > 200) problem("workload", "is longer than 200 characters");
  else if (workload?.includes("\u0000")) problem("workload", NUL_REASON);
  const source = text(raw.source) || ctx.defaultSource;
  if (source.length > 100) problem("source", "is longer than 100 characters");
  else if (source.includes("\u0000")) problem("source", NUL_REASON);
  const externalId = text(raw.external_id) || null;
  if (externalId && externalId.length > 200) problem("external_id", "is longer than 200 characters");
  else if (externalId?.includes("\u0000")) problem("external_id", NUL_REASON);

  if (problems.length > 0 || !clusterId || !network || !day || amount === null) {
    return { problems: problems.length > 0 ? problems : [{ line, column: "_", reason: "is incomplete" }] };
  }
  const base = { clusterId, networkId: network.id, workload, day, amount, symbol, source, externalId };
  return { entry: { ...base, dedupeKey: dedupeKeyOf(base) } };
}
