// The app as Playwright tests it (started by playwright.config.ts's webServer): a fresh database
// per run, migrated and seeded with known test passwords, a production build in its own folder,
// served on E2E_PORT (3100). Writes .data/e2e-<port>.json for the specs; drops the database on exit.
import { onShutdown, shutdown, isShuttingDown } from "./lib/shutdown";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dropDatabase, startDatabaseServer } from "./lib/database";
import { migrateQuietly } from "./lib/open-database";
import { buildIfStale, serveApp, stopChild, waitForHealth } from "./lib/next-app";
import { createScratchDatabase } from "./lib/scratch-database";
import { TEAM, seedTeam, type TeamPasswords } from "./seed";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
// Per port, with its own build folder and embedded data directory, so several e2e runs (two
// checkouts, or specs of different areas) can run side by side: E2E_PORT=3150 NEXT_DIST_DIR=.next-x.
export const E2E_FILE = path.join(root, ".data", `e2e-${PORT}.json`);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-e2e";

// Test-only accounts in a database that lives for one run; the specs need to know them.
const PASSWORDS: TeamPasswords = {
  admin: "e2e-admin-password-1",
  operator: "e2e-operator-password-1",
  viewer: "e2e-viewer-password-1",
};

async function main(): Promise<void> {
  const embedded = !process.env.DATABASE_URL;
  const server = await startDatabaseServer({ dataDir: `.data/pg-e2e-${PORT}`, persistent: false });
  onShutdown(() => server.stop());
  const adminUrl = server.urlFor("postgres");
  const name = await createScratchDatabase(adminUrl, "sovereign_e2e");
  // The embedded server is deleted whole on stop (and Playwright's SIGTERM to our process group
  // reaches it first), so only a database on a configured server needs dropping.
  if (!embedded) onShutdown(() => dropDatabase(adminUrl, name));
  const databaseUrl = server.urlFor(name);
  await migrateQuietly(databaseUrl);

  const secret = randomBytes(32).toString("base64url");
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET = secret;
  // playwright.config.ts sets one for the whole run, so specs that store a cluster token by SQL
  // encrypt it with the key the app decrypts with.
  const secretKey = process.env.SOVEREIGN_SECRET_KEY || randomBytes(32).toString("base64");
  process.env.SOVEREIGN_SECRET_KEY = secretKey;
  const { db } = await import("@/lib/db");
  await seedTeam(db, { passwords: PASSWORDS, databaseUrl });
  await db.$disconnect();

  // Written before the app answers /api/health, which is what Playwright waits for.
  mkdirSync(path.dirname(E2E_FILE), { recursive: true });
  const users = Object.fromEntries(
    TEAM.map((m) => [m.role, { id: m.id, email: m.email, name: m.name, password: PASSWORDS[m.role] }]),
  );
  writeFileSync(E2E_FILE, `${JSON.stringify({ baseURL: BASE_URL, databaseUrl, users }, null, 2)}\n`, { mode: 0o600 });
  onShutdown(async () => rmSync(E2E_FILE, { force: true }));

  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    SOVEREIGN_SECRET_KEY: secretKey,
    APP_URL: BASE_URL,
    NEXTAUTH_URL: BASE_URL,
  };
  await buildIfStale(env, DIST_DIR);
  const app = serveApp({ port: PORT, hostname: "127.0.0.1", env, distDir: DIST_DIR });
  onShutdown(() => stopChild(app));
  app.once("exit", (code, signal) => {
    if (isShuttingDown()) return;
    console.error(`[e2e-server] the app stopped (${code ?? signal})`);
    void shutdown(1);
  });
  await waitForHealth(`http://127.0.0.1:${PORT}`, app);

  console.log(`[e2e-server] ready at ${BASE_URL} (database ${name})`);
}

main().catch(async (error: unknown) => {
  console.error(`[e2e-server] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
