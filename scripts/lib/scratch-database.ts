// Throwaway databases for test runs: a fresh one per run, named with its creation time so runs
// that were killed before they could drop theirs are cleaned up by the next run — without
// touching a database another run (another checkout on the same server) is still using.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropDatabase, ensureDatabase, startDatabaseServer } from "./database";
import { migrateQuietly } from "./open-database";

const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export function scratchDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** Creates a fresh database on the server of `serverUrl` after dropping this prefix's stale ones. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<string> {
  await dropStale(serverUrl, prefix);
  const name = scratchDatabaseName(prefix);
  await ensureDatabase(serverUrl, name);
  return name;
}

async function dropStale(serverUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  let names: string[];
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${prefix}\\_%`,
    ]);
    names = rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
  const cutoff = Date.now() - STALE_AFTER_MS;
  for (const name of names) {
    const created = parseInt(name.slice(prefix.length + 1).split("_")[0] ?? "", 36);
    if (Number.isFinite(created) && created < cutoff) await dropDatabase(serverUrl, name);
  }
}

/**
 * For benchmarks: a started server with a fresh, migrated scratch database, whose URL (and
 * throwaway app secrets) are put in process.env for the app modules imported afterwards.
 * `close()` drops the database and stops the server.
 */
export async function openScratchEnvironment(
  prefix: string,
  dataDir: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startDatabaseServer({ dataDir, persistent: false });
  const adminUrl = server.urlFor("postgres");
  const name = await createScratchDatabase(adminUrl, prefix);
  const url = server.urlFor(name);
  await migrateQuietly(url);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.SOVEREIGN_SECRET_KEY ??= randomBytes(32).toString("base64");
  return {
    url,
    close: async () => {
      await dropDatabase(adminUrl, name);
      await server.stop();
    },
  };
}
