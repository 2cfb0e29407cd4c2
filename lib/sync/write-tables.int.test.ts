// The migrated database against the write's column lists: a migration applied without the lists
// following (or a list naming a column the database lacks) fails here.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { columnDrift, WRITTEN_TABLES } from "./write-tables";

async function columnsOf(table: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ column_name: string }[]>`
    SELECT column_name::text AS column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table}`;
  return rows.map((row) => row.column_name);
}

describe("the sync's column lists", () => {
  it.each(WRITTEN_TABLES.map((spec) => [spec.table, spec] as const))(
    "%s: every column of the migrated table is written or named as not written",
    async (table, spec) => {
      const actual = await columnsOf(table);
      expect(actual.length).toBeGreaterThan(0);
      expect(columnDrift(spec, actual)).toEqual({ unknown: [], missing: [] });
    },
  );

  it("a column added by a migration but not in the list is reported", async () => {
    const guests = WRITTEN_TABLES.find((spec) => spec.table === "Guest");
    if (!guests) throw new Error("Guest is not written");
    const actual = await columnsOf("Guest");
    expect(columnDrift(guests, [...actual, "bootOrder"])).toEqual({ unknown: ["bootOrder"], missing: [] });
    expect(
      columnDrift(
        guests,
        actual.filter((name) => name !== "pool"),
      ),
    ).toEqual({ unknown: [], missing: ["pool"] });
  });
});
