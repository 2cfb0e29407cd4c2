// What the end-to-end server (scripts/e2e-server.ts) tells the specs: the seeded accounts and the
// scratch database's URL, for tests that must act behind the app's back (tampering with audit rows).
import { test as base, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export type E2eRole = "admin" | "operator" | "viewer";
export interface E2eUser {
  id: string;
  email: string;
  name: string;
  password: string;
}
export interface E2eEnv {
  baseURL: string;
  databaseUrl: string;
  users: Record<E2eRole, E2eUser>;
}

// Written by scripts/e2e-server.ts for the port this run uses (playwright.config.ts reads the same).
const E2E_FILE = path.resolve(import.meta.dirname, "..", ".data", `e2e-${process.env.E2E_PORT ?? 3100}.json`);
let cached: E2eEnv | undefined;

/** Read lazily: Playwright loads spec files before the web server has written the file. */
export function e2eEnv(): E2eEnv {
  cached ??= JSON.parse(readFileSync(E2E_FILE, "utf8")) as E2eEnv;
  return cached;
}

export function user(role: E2eRole): E2eUser {
  return e2eEnv().users[role];
}

/** Runs SQL against the app's database, e.g. to change an audit row without going through the app. */
export async function sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: e2eEnv().databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Runs SQL with triggers off (session_replication_role = replica, which needs a superuser), as an
 * intruder with full database access would: the audit table's append-only trigger refuses `sql`.
 */
export async function sqlPastTriggers(text: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: e2eEnv().databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(text, values);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/**
 * Deletes clusters with their ledger rows, as the purge action does: the ledger's keys to
 * Cluster RESTRICT, so a plain DELETE of a cluster with revenue or costs is refused.
 * `where` is a condition on "Cluster" (e.g. `name <> ALL($1::text[])`).
 */
export async function purgeClustersWhere(where: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: e2eEnv().databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const ids = (await client.query<{ id: string }>(`SELECT id FROM "Cluster" WHERE ${where}`, values)).rows.map(
      (r) => r.id,
    );
    for (const table of [
      "RevenueEntry",
      "RevenueDaily",
      "RevenueMonthly",
      "ElectricityCost",
      "ElectricityCostRevision",
    ])
      await client.query(`DELETE FROM "${table}" WHERE "clusterId" = ANY($1::uuid[])`, [ids]);
    await client.query(`DELETE FROM "Cluster" WHERE id = ANY($1::uuid[])`, [ids]);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/** `test` with the environment as a fixture, for specs that prefer `({ env }) => …`. */
export const test = base.extend<{ env: E2eEnv }>({
  // Playwright's fixture callback is named `use`; it is not a React hook.
  // eslint-disable-next-line react-hooks/rules-of-hooks
  env: async ({}, use) => use(e2eEnv()),
});

export { expect, type Page };
