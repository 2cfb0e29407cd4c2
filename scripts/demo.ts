// `npm ci && npm run demo`: everything Sovereign needs on a bare machine — a database (embedded
// unless DATABASE_URL is set), the schema, a team to sign in with, a simulated Proxmox federation,
// a production build — then the console at http://localhost:3000. Ctrl-C stops all of it.
import { isShuttingDown, onShutdown, shutdown } from "./lib/shutdown";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startDatabaseServer } from "./lib/database";
import { migrateQuietly } from "./lib/open-database";
import { buildIfStale, serveApp, stopChild, waitForHealth } from "./lib/next-app";
import type { Db } from "@/lib/db";
import { formatCredentials, loadOrCreateDemoPasswords, seedTeam } from "./seed";

const root = path.resolve(import.meta.dirname, "..");
const FEDERATION_FILE = path.join(root, "lib/proxmox/simulator/federations/demo.json");

/**
 * A configured secret, or one generated on the first run and kept under .data/, so sessions
 * survive restarts (NEXTAUTH_SECRET), stored cluster tokens stay readable (SOVEREIGN_SECRET_KEY)
 * and the audit checkpoints signed yesterday still verify today (AUDIT_SIGNING_KEY).
 */
function persistedSecret(
  name: "NEXTAUTH_SECRET" | "SOVEREIGN_SECRET_KEY" | "AUDIT_SIGNING_KEY",
  file: string,
  generate: () => string,
): string {
  const configured = process.env[name];
  if (configured) return configured;
  const full = path.join(root, ".data", file);
  if (existsSync(full)) {
    const stored = readFileSync(full, "utf8").trim();
    if (stored) return stored;
  }
  const secret = generate();
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Starts the demo federation in-process, registers its clusters (idempotent: ports and
 * certificates may differ between runs) and runs the background jobs that sync them. The demo
 * still serves the console, without clusters, if any of that fails.
 */
async function startFederation(db: Db): Promise<string[]> {
  if (!existsSync(FEDERATION_FILE))
    return ["  (no simulated federation: lib/proxmox/simulator/federations/demo.json is missing)"];
  try {
    const { loadFederationFile, startSimulator } = await import("@/lib/proxmox/simulator");
    const simulator = await startSimulator(await loadFederationFile(FEDERATION_FILE));
    onShutdown(() => simulator.close());
    const { registerDemoFederation } = await import("@/lib/clusters/demo");
    await registerDemoFederation(db, simulator);
    // A year of earnings for the demo clusters (idempotent: a restart adds nothing).
    const { seedDemoEarnings } = await import("@/lib/earnings/demo-seed");
    await seedDemoEarnings(db);
    // Workloads matching the demo guests' tags and a small reward-rate table, for the planner.
    const { seedDemoPlacement } = await import("@/lib/placement/demo/seed");
    await seedDemoPlacement(db);
    const { startWorker } = await import("@/lib/composition/worker");
    const worker = await startWorker();
    onShutdown(() => worker.stop());
    return simulator.clusters.map(
      (c) => `  ${c.name.padEnd(12)} ${c.url}  (fingerprint ${c.fingerprint.slice(0, 23)}…)`,
    );
  } catch (error) {
    return [`  (the simulated federation did not start: ${error instanceof Error ? error.message : String(error)})`];
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
  const port = Number(process.env.PORT ?? 3000);
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

  const embedded = !process.env.DATABASE_URL;
  console.log(
    embedded ? "Starting the embedded PostgreSQL (data in .data/pg)…" : "Using the PostgreSQL at DATABASE_URL…",
  );
  const server = await startDatabaseServer();
  onShutdown(() => server.stop());
  const databaseUrl = server.defaultUrl;
  await migrateQuietly(databaseUrl);

  const secret = persistedSecret("NEXTAUTH_SECRET", "nextauth-secret", () => randomBytes(32).toString("base64url"));
  const secretKey = persistedSecret("SOVEREIGN_SECRET_KEY", "secret-key", () => randomBytes(32).toString("base64"));
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET = secret;
  process.env.SOVEREIGN_SECRET_KEY = secretKey;
  const auditKey = persistedSecret("AUDIT_SIGNING_KEY", "audit-signing-key", () =>
    generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
  );
  process.env.AUDIT_SIGNING_KEY = auditKey;
  const { db } = await import("@/lib/db");
  onShutdown(() => db.$disconnect());
  const passwords = loadOrCreateDemoPasswords();
  const seeded = await seedTeam(db, { passwords, databaseUrl, force: values.force });
  console.log(seeded.created.length || seeded.updated.length ? "Seeded the demo team." : "Demo team already in place.");

  const clusters = await startFederation(db);

  const appEnv = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    SOVEREIGN_SECRET_KEY: secretKey,
    AUDIT_SIGNING_KEY: auditKey,
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
  };
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
      " Simulated Proxmox clusters (registered and synced in the background):",
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
