// From a CSV header and the user's column mapping to raw entries, pure. Missing required columns
// stop the import before any row is read; rows with fewer or more fields than the header are
// rejected one by one (a shifted row would put an amount in the date column).
import { ENTRY_FIELDS, REQUIRED_FIELDS, type EntryField, type RawEntry, type RowProblem } from "./fields";

/** Our field → the header it is read from. */
export type ColumnMapping = Partial<Record<EntryField, string>>;

// Headers people use for our fields, so most files need no manual mapping.
const ALIASES: Record<EntryField, readonly string[]> = {
  cluster: ["cluster", "cluster_name", "cluster_id", "site"],
  network: ["network", "network_id", "chain", "protocol"],
  date: ["date", "day", "timestamp", "time"],
  amount: ["amount", "token_amount", "tokens", "reward", "rewards", "quantity"],
  symbol: ["symbol", "token", "token_symbol", "currency"],
  workload: ["workload", "guest", "vm", "node"],
  source: ["source"],
  external_id: ["external_id", "id", "tx", "txid", "transaction", "transaction_id", "reward_id"],
};

function norm(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** A mapping guessed from the header by name. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of ENTRY_FIELDS) {
    const found = header.find((h) => ALIASES[field].includes(norm(h)));
    if (found !== undefined) mapping[field] = found;
  }
  return mapping;
}

export interface RowReader {
  read(line: number, fields: readonly string[]): { raw: RawEntry } | { problems: RowProblem[] };
}

/** Checks the mapping against the header; returns a reader of rows or the file-level problems. */
export function columnReader(
  header: readonly string[],
  mapping: ColumnMapping,
): RowReader | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const index = new Map<EntryField, number>();
  const headerIndex = new Map(header.map((h, i) => [h.trim(), i] as const));
  for (const field of ENTRY_FIELDS) {
    const name = mapping[field];
    if (!name) {
      if (REQUIRED_FIELDS.includes(field))
        problems.push({ line: 1, column: field, reason: "missing column: map it to a column of the file" });
      continue;
    }
    const i = headerIndex.get(name.trim());
    if (i === undefined)
      problems.push({ line: 1, column: field, reason: `mapped to "${name}", which is not in the header` });
    else index.set(field, i);
  }
  if (problems.length > 0) return { problems };
  const width = header.length;
  return {
    read(line, fields) {
      if (fields.length !== width) {
        const reason =
          fields.length < width
            ? `has ${fields.length} fields, the header has ${width} (missing columns)`
            : `has ${fields.length} fields, the header has ${width} (extra columns; quote values that contain commas)`;
        return { problems: [{ line, column: "_", reason }] };
      }
      const raw: RawEntry = {};
      for (const [field, i] of index) raw[field] = fields[i];
      return { raw };
    },
  };
}
