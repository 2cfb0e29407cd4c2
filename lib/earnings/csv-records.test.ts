import { describe, expect, it } from "vitest";
import { previewCsv } from "./csv-preview";
import { csvRecords, CsvSyntaxError, MAX_RECORD_CHARS, type CsvRecord } from "./csv-records";

async function* chunked(text: string, size = text.length || 1): AsyncIterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function parseCsv(text: string, size?: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of csvRecords(chunked(text, size))) out.push(record);
  return out;
}

async function failure(text: string): Promise<unknown> {
  try {
    await parseCsv(text, 7);
  } catch (error) {
    return error;
  }
  return null;
}

describe("CSV parsing", () => {
  it("drops a byte-order mark and reads LF and CRLF alike, with line numbers", async () => {
    const lf = await parseCsv("\ufeffa,b\n1,2\n3,4\n");
    const crlf = await parseCsv("\ufeffa,b\r\n1,2\r\n3,4\r\n");
    expect(lf).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["3", "4"] },
    ]);
    expect(crlf).toEqual(lf);
  });

  it("keeps commas, doubled quotes and line breaks inside quotes, counting lines", async () => {
    const records = await parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"multi\r\nline",z\r\nlast,1');
    expect(records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: ["multi\r\nline", "z"] },
      { line: 5, fields: ["last", "1"] },
    ]);
  });

  it("skips blank lines but keeps empty fields", async () => {
    expect(await parseCsv("a,b\n\n,\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["", ""] },
    ]);
  });

  it("gives the same records whatever the chunk boundaries (CR and LF split, quotes split)", async () => {
    const text = '\ufeffh1,h2\r\n"a,""b""",c\r\nd,"e\r\nf"\r\n\r\n"g\nh\ni",j\r\nk,l\r\n';
    const whole = await parseCsv(text);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 3, 6, 9]);
    for (let size = 1; size <= 5; size++) expect(await parseCsv(text, size)).toEqual(whole);
  });

  it("reports an unterminated quote at the line it opens", async () => {
    const error = await failure('a\nb\n"open\nmore');
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 3, reason: "a quoted field is never closed" });
  });

  it("refuses a record longer than the limit, naming its line, without reading the rest", async () => {
    let produced = 0;
    async function* endless(): AsyncIterable<string> {
      yield "a,b\n1,2\n";
      // One line that never ends: the parser must stop it, not buffer it.
      for (;;) {
        produced += 1024;
        yield "x".repeat(1024);
      }
    }
    const error = await (async () => {
      try {
        for await (const record of csvRecords(endless())) void record;
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 3, reason: expect.stringContaining("longer than 64 KB") });
    expect(produced).toBeLessThan(MAX_RECORD_CHARS * 4);
  });

  it("names the line an unterminated quote opens on in a big file, and stops within the limit", async () => {
    let produced = 0;
    async function* big(): AsyncIterable<string> {
      yield 'cluster,amount\nalpha,1\nbeta,"2\n';
      // 200,000 ordinary rows after it: the open quote swallows them into one record.
      for (let i = 0; i < 100_000; i++) {
        produced += 1;
        yield "gamma,3\ndelta,4\n";
      }
    }
    const started = Date.now();
    const error = await (async () => {
      try {
        for await (const record of csvRecords(big())) void record;
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 3, reason: expect.stringContaining("never closed") });
    // Stopped at the 64 KB limit, not at the end of the file's 3 MB.
    expect(produced * 16).toBeLessThan(MAX_RECORD_CHARS * 2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("CSV preview", () => {
  it("reads the header and the first rows of a file cut anywhere", () => {
    const text = '\ufeffcluster,amount\r\nalpha,1\r\n"beta, two",2\r\ngamma,3\r\n"delta, cut sho';
    expect(previewCsv(text, 2)).toEqual({
      header: ["cluster", "amount"],
      rows: [
        ["alpha", "1"],
        ["beta, two", "2"],
      ],
    });
    expect(previewCsv(text, 5)?.rows).toEqual([
      ["alpha", "1"],
      ["beta, two", "2"],
      ["gamma", "3"],
    ]);
    expect(previewCsv("", 5)).toBeNull();
  });
});
