// The options the import and the browser's preview read CSV with, and the preview itself: the
// first rows of a file, parsed in the browser by csv-parse's browser build (no Node streams).
import { parse, type Options } from "csv-parse/browser/esm/sync";

/** What spreadsheets actually write. */
export const CSV_OPTIONS = {
  bom: true,
  // A row with too few or too many fields is rejected by the importer, naming its line.
  relax_column_count: true,
  // A stray quote inside an unquoted field is kept as text, as spreadsheets do.
  relax_quotes: true,
  skip_empty_lines: true,
  // Every line ending, even mixed in one file (found by fuzzing): detecting one from the first
  // line made a later bare CR or LF part of a field, and the rows after it lost their line numbers.
  record_delimiter: ["\r\n", "\n", "\r"],
} satisfies Options;

/**
 * The header and up to `rows` rows from the start of a file. The text may be cut anywhere (only
 * the file's first kilobytes are read): a record it cuts short is left out, not reported; the
 * import judges every line.
 */
export function previewCsv(text: string, rows: number): { header: string[]; rows: string[][] } | null {
  const records: unknown = parse(text, { ...CSV_OPTIONS, to: rows + 1, skip_records_with_error: true });
  if (!Array.isArray(records)) return null;
  const [header, ...rest] = records.filter(
    (r): r is string[] => Array.isArray(r) && r.every((f) => typeof f === "string"),
  );
  return header ? { header, rows: rest } : null;
}
