// `npm run bench:map`: the map page with a synthetic federation of 500 sites (/map/bench, enabled
// by MAP_BENCH=1 for this server only), measured in Debian's Chromium.
//   first_render_ms  navigation start → the frame in which every marker is in the page
//   ready_ms         navigation start → the map hydrated and fitted (it answers gestures)
//   zoom_frame_ms    median time per frame while zooming and panning
// Frames: Chromium normally paces requestAnimationFrame to 60 Hz, so every delta reads ~16.7 ms
// however cheap the frame. We launch it with the frame-rate limit off, and drive the gesture from
// inside the page with one wheel or mouse event per frame (d3-zoom pans on mouse events), so every
// frame repaints the map and each rAF delta is what that frame really cost. Prints one JSON object as its last line.
import { onShutdown, shutdown } from "./lib/shutdown";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./lib/chromium";
import { dropDatabase, startDatabaseServer } from "./lib/database";
import { buildIfStale, serveApp, stopChild, waitForHealth } from "./lib/next-app";
import { migrateQuietly } from "./lib/open-database";
import { createScratchDatabase } from "./lib/scratch-database";
import { TEAM, seedTeam } from "./seed";
import { median, round } from "./lib/stats";

const GOALS = { first_render_ms: 1500, zoom_frame_ms: 16 };
const DIST_DIR = ".next-bench";
const UNPACED_FRAMES = ["--disable-frame-rate-limit", "--disable-gpu-vsync"];

// In-page code is passed as source text: tsx would wrap functions handed to page.evaluate in
// helpers that do not exist inside the browser.
const MARK_MARKERS = (count: number) => `(() => {
  const tick = () => {
    if (window.__markersAt === undefined && document.querySelectorAll("[data-site]").length >= ${count}) window.__markersAt = performance.now();
    if (window.__readyAt === undefined && document.querySelector('[data-ready="true"]')) window.__readyAt = performance.now();
    if (window.__markersAt === undefined || window.__readyAt === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const GESTURE = (framesPerPhase: number) => `new Promise((resolve) => {
  const svg = document.querySelector('[data-testid="world-map"]');
  const rect = svg.getBoundingClientRect();
  const cx = rect.left + rect.width / 2, cy = rect.top + rect.height / 2;
  const n = ${framesPerPhase};
  const deltas = [];
  let last = null, frame = 0;
  const wheel = (deltaY) => svg.dispatchEvent(new WheelEvent("wheel", { deltaY, clientX: cx + 40, clientY: cy - 20, bubbles: true, cancelable: true }));
  const mouse = (type, x, y) => svg.dispatchEvent(new MouseEvent(type, { view: window, button: 0, buttons: type === "mouseup" ? 0 : 1, clientX: x, clientY: y, bubbles: true, cancelable: true }));
  const step = (t) => {
    if (last !== null) deltas.push(t - last);
    last = t;
    if (frame < n) wheel(-12);
    else if (frame < 2 * n) {
      const i = frame - n;
      const x = cx + 180 * Math.sin(i / 12), y = cy + 90 * Math.sin(i / 7);
      mouse(i === 0 ? "mousedown" : i === n - 1 ? "mouseup" : "mousemove", x, y);
    } else if (frame < 3 * n) wheel(12);
    else return resolve(deltas);
    frame++;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

// Printed by the last cleanup to run, so nothing the app or the database says on the way out
// can come after it: the JSON stays the last line.
let summary: Record<string, unknown> | null = null;
onShutdown(async () => {
  if (summary) console.log(JSON.stringify(summary));
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sites: { type: "string", default: "500" }, runs: { type: "string", default: "3" } },
  });
  const sites = Number(values.sites);
  const runs = Math.max(1, Number(values.runs));
  const port = Number(process.env.BENCH_PORT ?? 3170);
  const baseUrl = `http://127.0.0.1:${port}`;

  const server = await startDatabaseServer({ dataDir: ".data/pg-bench", persistent: false });
  onShutdown(() => server.stop());
  const adminUrl = server.urlFor("postgres");
  const name = await createScratchDatabase(adminUrl, "sovereign_bench");
  onShutdown(() => dropDatabase(adminUrl, name));
  const databaseUrl = server.urlFor(name);
  await migrateQuietly(databaseUrl);

  // A throwaway admin to sign in with; the database is dropped when the bench ends.
  const password = randomBytes(18).toString("base64url");
  const secret = randomBytes(32).toString("base64url");
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET = secret;
  const { db } = await import("@/lib/db");
  await seedTeam(db, {
    passwords: { admin: password, operator: `${password}-o`, viewer: `${password}-v` },
    databaseUrl,
  });
  await db.$disconnect();
  const admin = TEAM.find((m) => m.role === "admin");
  if (!admin) throw new Error("the seed has no admin");

  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    APP_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
    MAP_BENCH: "1",
  };
  await buildIfStale(env, DIST_DIR);
  const app = serveApp({ port, hostname: "127.0.0.1", env, distDir: DIST_DIR });
  onShutdown(() => stopChild(app));
  await waitForHealth(baseUrl, app);

  const browser = await chromium.launch({
    executablePath: CHROMIUM_LAUNCH.executablePath,
    args: [...CHROMIUM_LAUNCH.args, ...UNPACED_FRAMES],
  });
  onShutdown(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${baseUrl}/`);
  await page.addInitScript(MARK_MARKERS(sites));

  const samples: Array<{ first: number; ready: number; frame: number; p95: number; frames: number }> = [];
  // The first load warms the server (route compilation caches, database pool); it is not counted.
  for (let run = 0; run <= runs; run++) {
    await page.goto(`${baseUrl}/map/bench?sites=${sites}`, { waitUntil: "commit" });
    await page.waitForFunction("window.__markersAt !== undefined && window.__readyAt !== undefined", undefined, {
      timeout: 60_000,
    });
    const first = Number(await page.evaluate("window.__markersAt"));
    const ready = Number(await page.evaluate("window.__readyAt"));
    const drawn = Number(await page.evaluate(`document.querySelectorAll("[data-site]").length`));
    if (drawn !== sites) throw new Error(`expected ${sites} markers, found ${drawn}`);
    await page.waitForTimeout(300);
    const deltas = (await page.evaluate(GESTURE(60))) as number[];
    if (run === 0) continue;
    samples.push({ first, ready, frame: median(deltas), p95: percentile(deltas, 95), frames: deltas.length });
    console.log(
      `run ${run}: markers ${round(first)} ms, ready ${round(ready)} ms, frame median ${round(median(deltas))} ms (p95 ${round(percentile(deltas, 95))} ms over ${deltas.length} frames)`,
    );
  }

  summary = {
    sites,
    runs,
    first_render_ms: round(median(samples.map((s) => s.first))),
    ready_ms: round(median(samples.map((s) => s.ready))),
    zoom_frame_ms: round(median(samples.map((s) => s.frame))),
    zoom_frame_p95_ms: round(median(samples.map((s) => s.p95))),
    goals: GOALS,
    pass:
      median(samples.map((s) => s.first)) < GOALS.first_render_ms &&
      median(samples.map((s) => s.frame)) < GOALS.zoom_frame_ms,
  };
}

main()
  .then(() => shutdown(0))
  .catch(async (error: unknown) => {
    console.error(`[bench-map] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  });
