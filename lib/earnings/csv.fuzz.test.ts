// Property-based fuzzing (issue 14) of the CSV reader and the browser's preview: any text, cut
// into chunks anywhere, gives records with rising line numbers or a CsvSyntaxError naming a line —
// never another exception, and never a record over the size limit.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { previewCsv } from "./csv-preview";
import { csvRecords, CsvSyntaxError, MAX_RECORD_CHARS } from "./csv-records";

const SEED = 1413;
// Text made mostly of what CSV cares about, so quotes, separators and line breaks meet often.
const csvText = fc
  .array(fc.oneof(fc.constantFrom('"', ",", "\n", "\r", "\r\n", '""', "\ufeff", " ", "a", "1"), fc.string()), {
    maxLength: 120,
  })
  .map((parts) => parts.join(""));

async function* chunksOf(text: string, sizes: number[]): AsyncIterable<string> {
  let at = 0;
  for (let i = 0; at < text.length; i++) {
    const size = sizes.length ? (sizes[i % sizes.length] ?? 1) : text.length;
    yield text.slice(at, at + size);
    at += size;
  }
}

describe("CSV reader under fuzzing", () => {
  it("yields records with rising lines, or stops with a CsvSyntaxError naming a line", async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.array(fc.integer({ min: 1, max: 17 }), { maxLength: 5 }), async (text, sizes) => {
        let last = 0;
        try {
          for await (const record of csvRecords(chunksOf(text, sizes))) {
            expect(record.line).toBeGreaterThan(last);
            last = record.line;
            expect(record.fields.join("").length).toBeLessThanOrEqual(MAX_RECORD_CHARS);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(CsvSyntaxError);
          expect((error as CsvSyntaxError).line).toBeGreaterThanOrEqual(1);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("the preview never throws on any text, however it is cut", () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 0, max: 20 }), (text, rows) => {
        const preview = previewCsv(text, rows);
        if (preview) expect(preview.rows.length).toBeLessThanOrEqual(rows);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
