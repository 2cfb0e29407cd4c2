// `npm ci && npm run demo`: everything Sovereign needs on a bare machine — a database (embedded
// unless DATABASE_URL is set), the schema, a team to sign in with, a simulated Proxmox federation,
// a production build — then the console at http://localhost:3000. Ctrl-C stops all of it.
import { isShuttingDown, onShutdown, shutdown } from "./lib/shutdown";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startDatabaseServer } from "./lib/database";
import { migrateQuietly } from "./lib/open-database";
import { buildIfStale, serveApp, stopChild, waitForHealth } from "./lib/next-app";
import { formatCredentials, loadOrCreateDemoPasswords, seedTeam } from "./seed";

const root = path.resolve(import.meta.dirname, "..");
const SECRET_FILE = path.join(root, ".data", "nextauth-secret");
const FEDERATION_FILE = path.join(root, "lib/proxmox/simulator/federations/demo.json");

/** The configured secret, or one generated on the first run and kept so sessions survive restarts. */
function sessionSecret(): string {
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured) return configured;
  if (existsSync(SECRET_FILE)) {
    const stored = readFileSync(SECRET_FILE, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Starts the demo federation in-process; the demo still works (without clusters) if it cannot. */
async function startFederation(): Promise<string[]> {
  if (!existsSync(FEDERATION_FILE)) return ["  (no simulated federation yet: lib/proxmox/simulator/federations/demo.json is missing)"];
  try {
    const { loadFederationFile, startSimulator } = await import("@/lib/proxmox/simulator");
    const simulator = await startSimulator(await loadFederationFile(FEDERATION_FILE));
    onShutdown(() => simulator.close());
    return simulator.clusters.map((c) => `  ${c.name.padEnd(20)} ${c.url}  fingerprint ${c.fingerprint}`);
  } catch (error) {
    return [`  (the simulator did not start: ${error instanceof Error ? error.message : String(error)})`];
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
  const port = Number(process.env.PORT ?? 3000);
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

  const embedded = !process.env.DATABASE_URL;
  console.log(embedded ? "Starting the embedded PostgreSQL (data in .data/pg)…" : "Using the PostgreSQL at DATABASE_URL…");
  const server = await startDatabaseServer();
  onShutdown(() => server.stop());
  const databaseUrl = server.defaultUrl;
  await migrateQuietly(databaseUrl);

  const secret = sessionSecret();
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET = secret;
  const { db } = await import("@/lib/db");
  const passwords = loadOrCreateDemoPasswords();
  const seeded = await seedTeam(db, { passwords, databaseUrl, force: values.force });
  await db.$disconnect();
  console.log(seeded.created.length || seeded.updated.length ? "Seeded the demo team." : "Demo team already in place.");

  const clusters = await startFederation();

  const appEnv = { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, APP_URL: appUrl, NEXTAUTH_URL: appUrl };
  await buildIfStale(appEnv);
  const app = serveApp({ port, hostname: "127.0.0.1", env: appEnv });
  onShutdown(() => stopChild(app));
  app.once("exit", (code, signal) => {
    if (isShuttingDown()) return;
    console.error(`The app stopped (${code ?? signal}).`);
    void shutdown(code === 0 ? 0 : 1);
  });
  await waitForHealth(`http://127.0.0.1:${port}`, app);

  console.log(
    [
      "",
      "────────────────────────────────────────────────────────────────────────",
      ` Sovereign is running at ${appUrl}`,
      "",
      " Sign in as (passwords are kept in .data/demo-credentials.json):",
      formatCredentials(passwords),
      "",
      " Simulated Proxmox clusters:",
      ...clusters,
      "",
      " Press Ctrl-C to stop the app, the simulator and the database.",
      "────────────────────────────────────────────────────────────────────────",
    ].join("\n"),
  );
}

main().catch(async (error: unknown) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
