import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { CHROMIUM_LAUNCH } from "./scripts/lib/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);

// One token-encryption key for the runner, its workers and the e2e server (all inherit this
// process's environment), so specs can seed encrypted cluster tokens. Random per run: the server
// runs in production mode, which refuses a key anyone could read here.
process.env.SOVEREIGN_SECRET_KEY ||= randomBytes(32).toString("base64");

export default defineConfig({
  testDir: "e2e",
  // One worker: the specs share one database and change it (invitations, lockouts, disabling).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [
    // A spec tagged @phone or @desktop (gestures, layouts) runs only at that viewport.
    { name: "desktop", grepInvert: /@phone/, use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } },
    {
      name: "phone",
      grepInvert: /@desktop/,
      use: {
        browserName: "chromium",
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 3,
        userAgent: devices["Pixel 7"].userAgent,
      },
    },
  ],
  webServer: {
    // `exec node` (not npx/tsx wrappers) so the process Playwright signals and waits for is the
    // server itself, and it waits until the scratch database has been dropped.
    command: "exec node --import tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    // A cold `next build` takes 35–60 s on two cores, plus database setup.
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the server drop its scratch database; Playwright's default is SIGKILL.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
