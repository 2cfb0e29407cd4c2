import { describe, expect, it } from "vitest";
import { columnReader, guessMapping } from "./csv-columns";
import { canonicalAmount, parseDay, validateEntry, type ValidationContext } from "./validate";

const ctx: ValidationContext = {
  clusters: new Map([["alpha", "11111111-1111-4111-8111-111111111111"]]),
  networks: new Map([["helium", { id: "helium", defaultSymbol: "HNT" }]]),
  latestDay: "2026-06-30",
  defaultSource: "csv",
};

describe("row validation", () => {
  it("normalises a good row: default symbol and source, canonical amount, content-hash key", () => {
    const result = validateEntry(
      { cluster: "Alpha", network: "HELIUM", date: "2026-06-01", amount: "0012.5000" },
      2,
      ctx,
    );
    expect(result).toMatchObject({
      entry: {
        clusterId: "11111111-1111-4111-8111-111111111111",
        networkId: "helium",
        day: "2026-06-01",
        amount: "12.5",
        symbol: "HNT",
        source: "csv",
        externalId: null,
      },
    });
    if (!("entry" in result)) return;
    expect(result.entry.dedupeKey).toMatch(/^h:[0-9a-f]{64}$/);
    const same = validateEntry(
      { cluster: "alpha", network: "helium", date: "2026-06-01T10:00:00Z", amount: "12.50" },
      9,
      ctx,
    );
    expect("entry" in same && same.entry.dedupeKey).toBe(result.entry.dedupeKey);
  });

  it("uses the external id as the key when there is one", () => {
    const result = validateEntry(
      { cluster: "alpha", network: "helium", date: "2026-06-01", amount: "1", external_id: "tx-9" },
      2,
      ctx,
    );
    expect("entry" in result && result.entry.dedupeKey).toBe("x:tx-9");
  });

  it.each([
    [{ amount: "-5" }, "amount", "negative"],
    [{ amount: "2000000000" }, "amount", "implausibly large"],
    [{ amount: "1e5" }, "amount", "not a decimal"],
    [{ amount: "0" }, "amount", "zero"],
    [{ amount: "" }, "amount", "empty"],
    [{ cluster: "nowhere" }, "cluster", "unknown cluster"],
    [{ network: "dogecoin" }, "network", "unknown network"],
    [{ date: "2026-07-01" }, "date", "future"],
    [{ date: "2026-02-30" }, "date", "not a date"],
    [{ date: "01/06/2026" }, "date", "not a date"],
    [{ workload: "vm\u0000100" }, "workload", "NUL"],
    [{ external_id: "tx\u0000" }, "external_id", "NUL"],
  ])("rejects %o in column %s (%s) with its line", (override, column, reason) => {
    const result = validateEntry(
      { cluster: "alpha", network: "helium", date: "2026-06-01", amount: "1", ...override },
      7,
      ctx,
    );
    expect(result).toEqual({
      problems: [expect.objectContaining({ line: 7, column, reason: expect.stringContaining(reason) })],
    });
  });

  it("parses amounts and days strictly", () => {
    expect(canonicalAmount("0.000000000000000001")).toBe("0.000000000000000001");
    expect(canonicalAmount("1.0000000000000000001")).toBeNull();
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
    expect(parseDay("2000-02-29")).toBe("2000-02-29");
    for (const bad of [
      "2026-02-29",
      "1900-02-29",
      "2026-04-31",
      "2026-13-01",
      "2026-00-10",
      "2026-01-00",
      "2026-1-01",
      "2026-01-01T",
      "2026-01-01Tnoon",
    ])
      expect(parseDay(bad)).toBeNull();
    expect(parseDay("2026-12-31")).toBe("2026-12-31");
    expect(parseDay("2026-06-01T23:30:00-02:00")).toBe("2026-06-02");
  });
});

describe("column mapping", () => {
  it("guesses common headers and reads rows by them", () => {
    const header = ["Cluster", "Network", "Day", "Tokens", "TxID"];
    const mapping = guessMapping(header);
    expect(mapping).toEqual({
      cluster: "Cluster",
      network: "Network",
      date: "Day",
      amount: "Tokens",
      external_id: "TxID",
    });
    const reader = columnReader(header, mapping);
    if ("problems" in reader) throw new Error("mapping refused");
    expect(reader.read(2, ["a", "helium", "2026-01-01", "3", "t1"])).toEqual({
      raw: { cluster: "a", network: "helium", date: "2026-01-01", amount: "3", external_id: "t1" },
    });
    expect(reader.read(3, ["a", "helium"])).toEqual({
      problems: [{ line: 3, column: "_", reason: expect.stringContaining("missing columns") }],
    });
    expect(reader.read(4, ["a", "helium", "2026-01-01", "3", "t1", "x"])).toEqual({
      problems: [{ line: 4, column: "_", reason: expect.stringContaining("extra columns") }],
    });
  });

  it("refuses a file without a required column before reading rows", () => {
    const reader = columnReader(["cluster", "network", "date"], guessMapping(["cluster", "network", "date"]));
    expect(reader).toEqual({
      problems: [{ line: 1, column: "amount", reason: expect.stringContaining("missing column") }],
    });
  });
});
