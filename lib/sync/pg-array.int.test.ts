// The literals of pg-array.ts as PostgreSQL reads them: what goes in comes back, byte for byte.
import { afterAll, describe, expect, it } from "vitest";
import { arrayLiteral } from "./pg-array";
import { closeSyncWritePool, syncWritePool } from "./write-pool";

afterAll(closeSyncWritePool);

const awkward = [
  "NULL",
  "",
  " spaced ",
  "a,b",
  "{braces}",
  'say "hi"',
  "back\\slash",
  "tab\there",
  "line\nbreak",
  "ünïcødé ✓",
  "'single'",
];

describe("array literals through PostgreSQL", () => {
  it("text, numbers, booleans, timestamps and NULLs come back as sent", async () => {
    const at = new Date(Date.UTC(2026, 10, 28, 6, 0, 0, 5));
    const { rows } = await syncWritePool().query<{ t: Array<string | null>; n: number[]; b: boolean[]; d: Date[] }>(
      "SELECT $1::text[] AS t, $2::float8[] AS n, $3::boolean[] AS b, $4::timestamptz[] AS d",
      [
        arrayLiteral([...awkward, null]),
        arrayLiteral([0, -1.5, 1e21, 123456789012]),
        arrayLiteral([true, false]),
        arrayLiteral([at]),
      ],
    );
    expect(rows[0]).toEqual({ t: [...awkward, null], n: [0, -1.5, 1e21, 123456789012], b: [true, false], d: [at] });
  });

  it("a nested text array comes back from its one-element literal", async () => {
    const nested = [awkward, [], ["one"]];
    const { rows } = await syncWritePool().query<{ v: string[] }>(
      "SELECT x::text[] AS v FROM unnest($1::text[]) WITH ORDINALITY AS u(x, i) ORDER BY i",
      [arrayLiteral(nested)],
    );
    expect(rows.map((r) => r.v)).toEqual(nested);
  });
});
