// Building and serving the production app for the demo and the end-to-end server. next.config.ts
// asks for `output: "standalone"`, with which `next start` warns that it is unsupported, so we
// serve .next/standalone/server.js, copying in the static assets as Next's docs prescribe.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { run } from "./database";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * The build folder. next.config.ts reads NEXT_DIST_DIR so the end-to-end server can build into
 * its own folder (.next-e2e) without racing the demo's or a developer's build.
 */
function buildPaths(distDir: string) {
  const dist = path.join(root, distDir);
  const standalone = path.join(dist, "standalone");
  return {
    buildId: path.join(dist, "BUILD_ID"),
    staticDir: path.join(dist, "static"),
    standalone,
    // Inside the standalone folder the server keeps its build under the same relative name.
    standaloneStatic: path.join(standalone, distDir, "static"),
    serverJs: path.join(standalone, "server.js"),
  };
}

// What a build is made of. Tests beside the code and the test helpers are not part of the app.
const SOURCE_DIRS = ["app", "components", "lib"];
const SOURCE_FILES = ["next.config.ts", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma"];
const SKIPPED = [/\.test\.tsx?$/, /^lib\/test\//];

function newestMtime(relative: string): number {
  const full = path.join(root, relative);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return SKIPPED.some((re) => re.test(relative)) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) newest = Math.max(newest, newestMtime(path.posix.join(relative, entry)));
  return newest;
}

/** Why a build is needed, or null when .next is newer than every source file. */
export function staleBuildReason(distDir = ".next"): string | null {
  const { buildId, serverJs } = buildPaths(distDir);
  if (!existsSync(buildId) || !existsSync(serverJs)) return "no production build yet";
  const built = statSync(buildId).mtimeMs;
  const changed = [...SOURCE_DIRS, ...SOURCE_FILES].find((p) => newestMtime(p) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/**
 * Runs `next build` only when the sources are newer than the last build (it takes ~35 s). Several
 * people or test runs may share one checkout, and Next refuses outright to start a second build
 * in a build folder that is locked. A build that fails that fast is retried after a pause (and
 * skipped if the other build made ours current); a slow failure is a real error and is not.
 */
export async function buildIfStale(env: Record<string, string>, distDir = ".next"): Promise<void> {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    const reason = staleBuildReason(distDir);
    if (!reason) {
      console.log("Production build is up to date.");
      return;
    }
    console.log(`Building the app (${reason}); this takes about a minute…`);
    const started = Date.now();
    try {
      await run(path.join(root, "node_modules/.bin/next"), ["build"], { ...env, NEXT_DIST_DIR: distDir });
      return;
    } catch (error) {
      const quick = Date.now() - started < 15_000;
      if (!quick || Date.now() > deadline) throw error;
      console.log(`The build stopped at once (another build holding ${distDir}?); retrying in 15 s…`);
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
  }
}

export interface ServeOptions {
  port: number;
  hostname: string;
  env: Record<string, string>;
  distDir?: string;
  /** Extra Node flags, e.g. `--cpu-prof` (Node refuses those in NODE_OPTIONS). */
  nodeArgs?: string[];
}

/** Starts the standalone server; its output goes to ours so errors are visible. */
export function serveApp({ port, hostname, env, distDir = ".next", nodeArgs = [] }: ServeOptions): ChildProcess {
  const paths = buildPaths(distDir);
  // The standalone folder holds only traced server files; static assets and public/ are copied in
  // on every start so a rebuild never serves stale ones.
  rmSync(paths.standaloneStatic, { recursive: true, force: true });
  cpSync(paths.staticDir, paths.standaloneStatic, { recursive: true });
  const publicTarget = path.join(paths.standalone, "public");
  rmSync(publicTarget, { recursive: true, force: true });
  if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), publicTarget, { recursive: true });

  return spawn(process.execPath, [...nodeArgs, paths.serverJs], {
    cwd: paths.standalone,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: hostname,
    },
  });
}

/** Resolves once /api/health answers 200; rejects if the server exits or `timeoutMs` passes. */
export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the app exited (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the app did not become healthy within ${timeoutMs / 1000} s (${last})`);
}

/** SIGTERM, then SIGKILL if the server has not exited after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
