// CSV uploads read with csv-parse's streaming parser: text arrives in chunks of any size and
// records come out with the line they start on, so a 500,000-row upload is never held in memory
// and every error can name its line. A record longer than MAX_RECORD_CHARS stops the read instead
// of filling memory: a file with a wrong delimiter or a runaway quote is one endless record.
import { finished } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { CSV_OPTIONS } from "./csv-preview";

export interface CsvRecord {
  /** 1-based line of the file on which the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

/** Far beyond any real revenue or price row, far below what would strain the server. */
export const MAX_RECORD_CHARS = 64 * 1024;

/** A file the parser cannot read past: what went wrong and on which line. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    /** True when the bad record ran to the end of the file (an unclosed quote): nothing follows it. */
    readonly atEnd: boolean,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

function reasonOf(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field is never closed";
    case "CSV_MAX_RECORD_SIZE":
      return `the row is longer than ${MAX_RECORD_CHARS / 1024} KB: is a quote on it never closed, or is the delimiter not a comma?`;
    default:
      return "the row is not valid CSV (check its quotes)";
  }
}

function lineBreaks(fields: readonly string[]): { chars: number; crlf: number } {
  let chars = 0;
  let crlf = 0;
  for (const field of fields) {
    if (!field.includes("\n") && !field.includes("\r")) continue;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10 || c === 13) chars++;
      if (c === 13 && field.charCodeAt(i + 1) === 10) crlf++;
    }
  }
  return { chars, crlf };
}

/**
 * The records of a CSV text stream, each with the line it starts on. Throws CsvSyntaxError where
 * the file stops being readable, after yielding every record before it; an error of the source
 * itself (a dropped upload) passes through.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncIterable<CsvRecord> {
  // Records are taken as the parser reads them (on_record) rather than from its readable side:
  // a stream that fails discards what it had buffered, and the rows before a bad line count.
  // One chunk is written at a time and its records handed on before the next: memory stays flat.
  let ready: CsvRecord[] = [];
  // csv-parse's line count is where a record ends, and it counts a CRLF inside quotes as two
  // lines: the start line is recovered from the line breaks the record's fields hold.
  let overcounted = 0;
  let nextLine = 1;
  const parser = parse({
    ...CSV_OPTIONS,
    max_record_size: MAX_RECORD_CHARS,
    on_record: (fields: string[], context) => {
      const breaks = lineBreaks(fields);
      const line = context.lines - overcounted - breaks.chars;
      overcounted += breaks.crlf;
      nextLine = line + 1 + breaks.chars - breaks.crlf;
      ready.push({ line, fields });
      return null;
    },
  });
  const syntaxError = (error: unknown) => {
    if (!(error instanceof CsvError)) return error;
    // An unclosed quote runs to the end of the file, or to the size limit: either way the record
    // it opened, which starts on the line after the last good record, is the line to fix (the
    // parser's own count is where it gave up, possibly thousands of lines further).
    const runaway = error.code === "CSV_QUOTE_NOT_CLOSED" || error.code === "CSV_MAX_RECORD_SIZE";
    const at = runaway ? nextLine : lineOf(error) - overcounted;
    return new CsvSyntaxError(Math.max(at, nextLine), reasonOf(error), error.code === "CSV_QUOTE_NOT_CLOSED");
  };
  // The parser reports a bad line both to the write's callback and as an 'error' event; the
  // callback is where it is handled, the event is only kept from being thrown as unhandled.
  let failed: unknown = null;
  parser.on("error", (error) => (failed ??= error));
  const write = (chunk: string) =>
    new Promise<unknown>((resolve) => parser.write(chunk, (error) => resolve(error ?? failed)));
  const taken = () => {
    const out = ready;
    ready = [];
    return out;
  };
  try {
    for await (const chunk of chunks) {
      const error = await write(chunk);
      yield* taken();
      if (error) throw syntaxError(error);
    }
    // Nothing is pushed to the readable side, but it must flow for the parser to finish.
    parser.resume();
    parser.end();
    const ended = await finished(parser).then(
      () => null,
      (error: unknown) => error,
    );
    yield* taken();
    if (ended) throw syntaxError(ended);
  } finally {
    parser.destroy();
  }
}

function lineOf(error: CsvError): number {
  return typeof error.lines === "number" ? error.lines : 0;
}
