import { describe, expect, it } from "vitest";
import { arrayLiteral, columnLiteral } from "./pg-array";

describe("arrayLiteral", () => {
  it("writes numbers bare, booleans as t/f and absent values as NULL", () => {
    expect(arrayLiteral([1, 2.5, -3e-7, null, undefined, Number.NaN, Number.POSITIVE_INFINITY])).toBe(
      "{1,2.5,-3e-7,NULL,NULL,NULL,NULL}",
    );
    expect(arrayLiteral([true, false])).toBe("{t,f}");
    expect(arrayLiteral([new Date(Date.UTC(2026, 10, 28, 6, 0, 0, 5))])).toBe('{"2026-11-28T06:00:00.005Z"}');
    expect(arrayLiteral([])).toBe("{}");
  });

  it("quotes every string, escaping quotes and backslashes, so NULL and braces stay text", () => {
    expect(arrayLiteral(["NULL", "a,b", "{x}", 'say "hi"', "back\\slash", " ", ""])).toBe(
      '{"NULL","a,b","{x}","say \\"hi\\"","back\\\\slash"," ",""}',
    );
  });

  it("nests a text array as one quoted literal", () => {
    expect(arrayLiteral([["a", "b c"], [], ['q"']])).toBe('{"{\\"a\\",\\"b c\\"}","{}","{\\"q\\\\\\"\\"}"}');
  });
});

describe("columnLiteral", () => {
  it("is arrayLiteral of the column's values", () => {
    const rows = [
      { n: 1.5, s: 'a"b', t: ["x", "y z"], b: true, d: new Date(0), z: null },
      { n: Number.NaN, s: "NULL", t: [], b: false, d: null, z: undefined },
    ];
    for (const key of ["n", "s", "t", "b", "d", "z"] as const)
      expect(columnLiteral(rows, key)).toBe(arrayLiteral(rows.map((r) => r[key])));
    expect(columnLiteral([], "n")).toBe("{}");
  });
});
