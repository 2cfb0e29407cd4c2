// A streaming CSV reader (RFC 4180 plus what spreadsheets actually write): text arrives in chunks
// of any size and records come out with the line they started on, so a 500,000-row upload is never
// held in memory and every error can name its line. Handles a byte-order mark, CRLF or LF, quoted
// fields with commas, doubled quotes and line breaks inside quotes.

export interface CsvRecord {
  /** 1-based line of the file on which the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export class CsvParser {
  private field = "";
  private fields: string[] = [];
  private inQuotes = false;
  // A quote seen inside a quoted field: either the closing quote or the first of a doubled one.
  private quotePending = false;
  private sawCr = false;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private recordHasContent = false;

  /** Feeds a chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.sawCr) {
        this.sawCr = false;
        // The LF of a CRLF already ended the record at the CR.
        if (ch === "\n") continue;
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (ch === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false;
          // Fall through: the character after a closing quote is handled as unquoted.
        } else if (ch === '"') {
          this.quotePending = true;
          continue;
        } else {
          if (ch === "\n" || ch === "\r") this.line++;
          if (ch === "\r" && text[i + 1] === "\n") {
            this.field += "\r\n";
            i++;
            continue;
          }
          this.field += ch;
          continue;
        }
      }
      if (ch === '"' && this.field.length === 0) {
        this.inQuotes = true;
        this.recordHasContent = true;
      } else if (ch === ",") {
        this.fields.push(this.field);
        this.field = "";
        this.recordHasContent = true;
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r") this.sawCr = true;
        const record = this.endRecord();
        if (record) out.push(record);
        this.line++;
        this.recordLine = this.line;
      } else {
        this.field += ch;
        this.recordHasContent = true;
      }
    }
    return out;
  }

  /** Ends the input; returns the last record when the file does not end with a line break. */
  end(): CsvRecord[] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    const record = this.endRecord();
    return record ? [record] : [];
  }

  /** True while inside an unterminated quoted field (at end of input: a malformed file). */
  get unterminatedQuote(): boolean {
    return this.inQuotes && !this.quotePending;
  }

  private endRecord(): CsvRecord | null {
    const hasContent = this.recordHasContent || this.field.length > 0;
    this.fields.push(this.field);
    const record = { line: this.recordLine, fields: this.fields };
    this.fields = [];
    this.field = "";
    this.recordHasContent = false;
    // Blank lines (often a trailing one) are not records.
    return hasContent ? record : null;
  }
}

/** Parses a whole string: for tests, previews and small files. */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}
