import { describe, expect, it } from "vitest";
import { CsvParser, parseCsv } from "./csv-parse";

describe("CSV parsing", () => {
  it("drops a byte-order mark and reads LF and CRLF alike, with line numbers", () => {
    const lf = parseCsv("\ufeffa,b\n1,2\n3,4\n");
    const crlf = parseCsv("\ufeffa,b\r\n1,2\r\n3,4\r\n");
    expect(lf).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["3", "4"] },
    ]);
    expect(crlf).toEqual(lf);
  });

  it("keeps commas, doubled quotes and line breaks inside quotes, counting lines", () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"multi\r\nline",z\r\nlast,1');
    expect(records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: ["multi\r\nline", "z"] },
      { line: 5, fields: ["last", "1"] },
    ]);
  });

  it("skips blank lines but keeps empty fields", () => {
    expect(parseCsv("a,b\n\n,\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["", ""] },
    ]);
  });

  it("gives the same records whatever the chunk boundaries (CR and LF split, quotes split)", () => {
    const text = '\ufeffh1,h2\r\n"a,""b""",c\r\nd,"e\r\nf"\r\n';
    const whole = parseCsv(text);
    for (let size = 1; size <= 5; size++) {
      const parser = new CsvParser();
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
      out.push(...parser.end());
      expect(out).toEqual(whole);
    }
  });

  it("reports an unterminated quote", () => {
    const parser = new CsvParser();
    parser.push('a\n"open');
    expect(parser.unterminatedQuote).toBe(true);
  });
});
