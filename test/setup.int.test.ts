// Proves the integration setup: tests reach the run's own freshly migrated database through the
// app's one Prisma client. (Other files share the database in this run, so "empty" is not asserted:
// with files in an arbitrary order, a count of 0 would fail whenever this one runs last.)
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";

describe("integration database", () => {
  it("is this run's own database", async () => {
    const url = inject("databaseUrl");
    expect(process.env.DATABASE_URL).toBe(url);
    expect(new URL(url).pathname).toMatch(/^\/sovereign_test_/);
    const [row] = await db.$queryRaw<Array<{ current: string }>>`SELECT current_database()::text AS current`;
    expect(`/${row?.current}`).toBe(new URL(url).pathname);
  });

  it("has every committed migration applied", async () => {
    const committed = readdirSync(path.resolve(import.meta.dirname, "../prisma/migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const applied = await db.$queryRaw<Array<{ name: string }>>`
      SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(applied.map((m) => m.name)).toEqual(committed);
    expect(await db.user.count()).toBeGreaterThanOrEqual(0);
  });
});
