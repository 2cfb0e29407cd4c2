import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { randomUUID } from "node:crypto";

// Workarounds for Prisma 6.19's JS schema engine with adapter-pg (see STACK.md).

// 3. The CLI finishes, then hangs on a long timer the engine leaves behind. Unref long timers so
//    they cannot keep the process alive.
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = setTimeoutOriginal(handler, ms, ...args);
  if ((ms ?? 0) >= 1000) timer.unref();
  return timer;
}) as typeof globalThis.setTimeout;

// 1. prisma/prisma#27403: adapter-pg rejects the catalog types `name` (oid 19) and `"char"`
//    (oid 18) that the migration engine reads. Report them as `text` (oid 25), which they are.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
function asText(result: pg.QueryResult | undefined) {
  for (const field of result?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = 25;
  }
  return result;
}
type Callback = (error: Error | null, result?: pg.QueryResult) => void;
class CatalogTextClient extends pg.Client {
  // pg.Pool calls this with a callback, a transaction without; handle both. pg's overloads make a
  // typed override impractical, hence the casts around the one call we pass through.
  query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as Callback;
      args[args.length - 1] = (error: Error | null, result?: pg.QueryResult) => callback(error, asText(result));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(asText) : result) as never;
  }
}

function poolConfig(connectionString: string): pg.PoolConfig {
  return { connectionString, Client: CatalogTextClient, allowExitOnIdle: true, max: 4 };
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set: run Prisma through `npm run db:migrate`, which starts a database");
  return url;
}

// 2. adapter-pg's connectToShadowDb() migrates the main database and drops the shadow while still
//    connected. Make a uniquely named shadow, connect to it, and drop it only after closing.
class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(poolConfig(url));
  }

  async connectToShadowDb() {
    const name = `sovereign_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${name}`;
    const adapter = await new PrismaPg(poolConfig(shadowUrl.toString())).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ connectionString: this.url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new MigrationAdapterFactory(databaseUrl());
  },
});
