// `npm run load [-- --duration 60 --clusters 20 --overview-users 50 --cluster-users 20]`: the
// production build under concurrent signed-in users while the background sync runs. A simulated
// federation (its own process: --clusters clusters of 5 nodes and 100 guests, plus one of 10 nodes
// and 2,000 guests) is registered in a scratch database and synced every 5 s by a sync process
// (scripts/load-sync.ts). Then two phases, one after the other, with autocannon:
//   overview  --overview-users connections on GET /            for --duration seconds
//   cluster   --cluster-users connections on the 2,000-guest cluster's page, as long
// Every connection carries a session (admin, operator and viewer, dealt in turn). Goal: p95 under
// 300 ms and no error. The app, PostgreSQL, the simulator, the sync and the load generator share
// this machine's cores, so the CPU each used is printed beside the wall time. Last line: JSON.
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { signIn, timeGet } from "./lib/http-session";
import { runPhase, type PhaseResult } from "./lib/load-run";
import { buildIfStale, serveApp, stopChild, waitForHealth } from "./lib/next-app";
import { openScratchEnvironment } from "./lib/scratch-database";
import { startSimProcess } from "./lib/sim-process";
import { round } from "./lib/stats";
import { runCommand } from "./lib/command";
import { TEAM, seedTeam, type TeamPasswords } from "./seed";

const DIST_DIR = ".next-load";
const PORT = Number(process.env.LOAD_PORT ?? 3181);
const GOAL_P95_MS = 300;
const root = path.resolve(import.meta.dirname, "..");

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "60" },
      clusters: { type: "string", default: "20" },
      "overview-users": { type: "string", default: "50" },
      "cluster-users": { type: "string", default: "20" },
      "big-guests": { type: "string", default: "2000" },
    },
  });
  const number = (name: keyof typeof values) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  return {
    durationS: number("duration"),
    clusters: number("clusters"),
    overviewUsers: number("overview-users"),
    clusterUsers: number("cluster-users"),
    bigGuests: number("big-guests"),
  };
}

function describe(name: string, users: number, phase: PhaseResult): string {
  const cpu = Object.entries(phase.cpuS)
    .map(([label, s]) => `${label} ${s ?? "?"} s`)
    .join(", ");
  return (
    `${name}: ${users} users, ${phase.requests} requests in ${phase.wallS} s (${phase.rps}/s); ` +
    `p50 ${phase.p50Ms} ms, p95 ${phase.p95Ms} ms, p99 ${phase.p99Ms} ms, max ${phase.maxMs} ms; ${phase.errors} errors\n` +
    `  CPU over the phase (wall ${phase.wallS} s × ${availableParallelism()} cores available): ${cpu}`
  );
}

async function main(): Promise<number> {
  const o = options();
  const scratch = await openScratchEnvironment("sovereign_load", ".data/pg-load");
  const { db } = await import("@/lib/db");
  const { generateCluster, generateFederation } = await import("@/lib/proxmox/simulator");
  const { registerDemoFederation } = await import("@/lib/clusters/demo");
  const { syncClusters } = await import("@/lib/sync/federation");
  const { closeSyncLockSession } = await import("@/lib/sync/lock");
  const { closeSyncWritePool } = await import("@/lib/sync/write-pool");
  const { closeCachedClients } = await import("@/lib/clusters/connection");

  const spec = generateFederation(o.clusters, 7, { nodes: 5, guests: 100 });
  spec.clusters.push(generateCluster({ name: "sim-big", nodes: 10, guests: o.bigGuests, seed: 7 }));
  const dir = await mkdtemp(path.join(tmpdir(), "sovereign-load-"));
  const sim = await startSimProcess(spec, dir);
  const cleanups: Array<() => Promise<void> | void> = [
    () => void sim.child.kill("SIGTERM"),
    () => rm(dir, { recursive: true, force: true }),
  ];
  try {
    const registered = await registerDemoFederation(db, sim);
    await syncClusters(
      registered.map((r) => r.id),
      { concurrency: 8 },
    );
    const big = registered.find((r) => r.name === "sim-big");
    if (!big) throw new Error("the 2,000-guest cluster was not registered");
    closeCachedClients();
    await closeSyncLockSession();
    await closeSyncWritePool();

    const password = randomBytes(18).toString("base64url");
    const passwords: TeamPasswords = { admin: password, operator: `${password}-o`, viewer: `${password}-v` };
    await seedTeam(db, { passwords, databaseUrl: scratch.url });
    await db.$disconnect();

    const baseUrl = `http://127.0.0.1:${PORT}`;
    const env = {
      DATABASE_URL: scratch.url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "",
      SOVEREIGN_SECRET_KEY: process.env.SOVEREIGN_SECRET_KEY ?? "",
      APP_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      SYNC_INTERVAL_SECONDS: "5",
    };
    // LOAD_PROFILE=<dir>: the app writes a V8 CPU profile there when it stops.
    const profileDir = process.env.LOAD_PROFILE;
    const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
    await buildIfStale(env, DIST_DIR);
    const app = serveApp({ port: PORT, hostname: "127.0.0.1", env, distDir: DIST_DIR, nodeArgs });
    cleanups.unshift(() => stopChild(app));
    await waitForHealth(baseUrl, app);
    const cookies = await Promise.all(TEAM.map((m) => signIn(baseUrl, m.email, passwords[m.role])));
    const clusterUrl = `${baseUrl}/clusters/${big.id}`;
    // A fresh server loads each route's code on first use: not part of what is measured.
    for (let i = 0; i < 3; i++) for (const url of [`${baseUrl}/`, clusterUrl]) await timeGet(url, cookies[0] ?? "");

    const sync = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/load-sync.ts"],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, ...env },
      },
    );
    let syncReport = "";
    sync.stdout?.on("data", (chunk: Buffer) => (syncReport += chunk.toString("utf8")));
    cleanups.unshift(() => stopChild(sync, 30_000));
    const processes = { app: app.pid ?? -1, simulator: sim.child.pid ?? -1, sync: sync.pid ?? -1 };

    const overview = await runPhase({
      url: `${baseUrl}/`,
      connections: o.overviewUsers,
      durationS: o.durationS,
      cookies,
      processes,
    });
    console.log(describe("overview", o.overviewUsers, overview));
    const loadOverview = loadavg().map((n) => round(n, 2));
    const cluster = await runPhase({
      url: clusterUrl,
      connections: o.clusterUsers,
      durationS: o.durationS,
      cookies,
      processes,
    });
    console.log(describe(`cluster page (${o.bigGuests} guests)`, o.clusterUsers, cluster));
    const loadCluster = loadavg().map((n) => round(n, 2));
    await stopChild(sync, 30_000);
    const syncStats = JSON.parse(syncReport.trim().split("\n").at(-1) || "{}") as Record<string, number>;
    console.log(
      `sync during the load: ${syncStats.rounds ?? "?"} rounds of ${registered.length} clusters (median ${syncStats.median_round_ms ?? "?"} ms), ${syncStats.failed ?? "?"} failed`,
    );
    console.log(
      `load average after each phase: ${loadOverview.join(", ")} / ${loadCluster.join(", ")} (${availableParallelism()} cores shared by the app, PostgreSQL, the simulator, the sync and the load generator)`,
    );
    const errors = overview.errors + cluster.errors;
    const met = overview.p95Ms < GOAL_P95_MS && cluster.p95Ms < GOAL_P95_MS && errors === 0;
    console.log(
      JSON.stringify({
        overview_p95_ms: overview.p95Ms,
        overview_p50_ms: overview.p50Ms,
        overview_p99_ms: overview.p99Ms,
        overview_rps: overview.rps,
        cluster_p95_ms: cluster.p95Ms,
        cluster_p50_ms: cluster.p50Ms,
        cluster_p99_ms: cluster.p99Ms,
        cluster_rps: cluster.rps,
        errors,
        goal_met: met,
        overview_users: o.overviewUsers,
        cluster_users: o.clusterUsers,
        duration_s: o.durationS,
        clusters: registered.length,
        big_cluster_guests: o.bigGuests,
        sync_rounds: syncStats.rounds ?? null,
        sync_failed: syncStats.failed ?? null,
        overview_cpu_s: overview.cpuS,
        overview_wall_s: overview.wallS,
        cluster_cpu_s: cluster.cpuS,
        cluster_wall_s: cluster.wallS,
        cores: availableParallelism(),
        load_average_1m: loadCluster[0],
      }),
    );
    return met ? 0 : 1;
  } finally {
    for (const cleanup of cleanups) await cleanup();
    await scratch.close();
  }
}

runCommand(main);
