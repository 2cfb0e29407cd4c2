// Vitest global setup for the `integration` project: one fresh database per run on the configured
// server (DATABASE_URL) or on an embedded PostgreSQL of its own, migrated before any test starts
// and dropped afterwards, so runs never see each other's rows or leftovers.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { dropDatabase, startDatabaseServer } from "../scripts/lib/database";
import { migrateQuietly } from "../scripts/lib/open-database";
import { createScratchDatabase } from "../scripts/lib/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Non-persistent: the embedded server's data directory is deleted when it stops.
  const server = await startDatabaseServer({ dataDir: ".data/pg-test", persistent: false });
  const adminUrl = server.urlFor("postgres");
  let name: string | undefined;
  try {
    name = await createScratchDatabase(adminUrl, "sovereign_test");
    const databaseUrl = server.urlFor(name);
    await migrateQuietly(databaseUrl);
    // Test workers are started after this runs and inherit the environment, so lib/env.ts and
    // lib/db.ts in the tests read these. `provide` also hands the URL to tests that ask for it.
    process.env.DATABASE_URL = databaseUrl;
    process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
    // Cluster token secrets are encrypted with it (lib/clusters/secrets.ts).
    process.env.SOVEREIGN_SECRET_KEY ??= `test:${randomBytes(32).toString("base64")}`;
    project.provide("databaseUrl", databaseUrl);
  } catch (error) {
    if (name) await dropDatabase(adminUrl, name);
    await server.stop();
    throw error;
  }
  const created = name;
  return async () => {
    await dropDatabase(adminUrl, created);
    await server.stop();
  };
}
