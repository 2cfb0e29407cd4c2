// `npm run bench:sync [-- --clusters 100 --nodes 10 --guests 300 --latency 50]`: a simulated
// federation (in a process of its own), registered in a scratch database; times one cluster's
// full sync (median of 5), then the whole federation's (median of 5; parallel reads, one write
// statement per cluster), both in the steady state after a first sync of everything, with the CPU
// each round cost this process, the simulator and PostgreSQL; then the same rounds' reads alone,
// with no database work, as the floor any write design stands on; then serves the built app and
// times the overview page over HTTP as a signed-in admin (median of 20, whole streamed body), and
// the overview's query alone. The last line is one JSON object. Numbers on a shared 2-core
// machine vary with its load, which the JSON reports.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startProfile } from "./lib/cpu-profile";
import { signIn, timeGet } from "./lib/http-session";
import { startSimProcess } from "./lib/sim-process";
import { runCommand } from "./lib/command";
import { buildIfStale, serveApp, stopChild, waitForHealth } from "./lib/next-app";
import { openScratchEnvironment } from "./lib/scratch-database";
import { TEAM, seedTeam } from "./seed";
import { readCpu } from "./lib/cpu";
import { median, round } from "./lib/stats";

// The build the map benchmark serves too: one build for both.
const DIST_DIR = ".next-bench";
const PORT = Number(process.env.BENCH_PORT ?? 3171);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? Number.NaN : Number(process.argv[i + 1]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

/**
 * Five timed rounds of `fn`, and the CPU each took per round in this process alone (its own
 * threads, not its children: the simulator is one), the simulator's processes and PostgreSQL's
 * (null where /proc cannot tell).
 */
async function measureRounds(
  simPid: number,
  fn: () => Promise<void>,
): Promise<{ rounds: number[]; cpu: Record<"self" | "simulator" | "postgres", number | null> }> {
  const before = readCpu([simPid], ["postgres"]);
  const selfBefore = process.cpuUsage();
  const rounds: number[] = [];
  for (let i = 0; i < 5; i++) rounds.push((await timed(fn))[0]);
  const self = process.cpuUsage(selfBefore);
  const after = readCpu([simPid], ["postgres"]);
  const perRound = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? null : round((b - a) / rounds.length);
  return {
    rounds,
    cpu: {
      self: round((self.user + self.system) / 1000 / rounds.length),
      simulator: perRound(before?.tree.get(simPid), after?.tree.get(simPid)),
      postgres: perRound(before?.byName.get("postgres"), after?.byName.get("postgres")),
    },
  };
}

/** Builds (if stale) and serves the app on the scratch database; times GET / as an admin. */
async function timeOverviewPage(databaseUrl: string): Promise<number> {
  const { db } = await import("@/lib/db");
  const password = randomBytes(18).toString("base64url");
  await seedTeam(db, {
    passwords: { admin: password, operator: `${password}-o`, viewer: `${password}-v` },
    databaseUrl,
  });
  const admin = TEAM.find((m) => m.role === "admin");
  if (!admin) throw new Error("the seed has no admin");
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "",
    SOVEREIGN_SECRET_KEY: process.env.SOVEREIGN_SECRET_KEY ?? "",
    APP_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
  };
  await buildIfStale(env, DIST_DIR);
  const app = serveApp({ port: PORT, hostname: "127.0.0.1", env, distDir: DIST_DIR });
  try {
    await waitForHealth(baseUrl, app);
    const cookie = await signIn(baseUrl, admin.email, password);
    // Two first requests not counted: a fresh server compiles the route on first use.
    for (let i = 0; i < 2; i++) await timeGet(`${baseUrl}/`, cookie);
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) runs.push(await timeGet(`${baseUrl}/`, cookie));
    return median(runs);
  } finally {
    await stopChild(app);
  }
}

async function main(): Promise<void> {
  const clusters = arg("clusters", 100);
  const nodes = arg("nodes", 10);
  const guests = arg("guests", 300);
  const latency = arg("latency", 50);
  const concurrency = arg("concurrency", 50);

  const scratch = await openScratchEnvironment("sovereign_bench", ".data/pg-bench");

  const { db } = await import("@/lib/db");
  const { generateFederation } = await import("@/lib/proxmox/simulator");
  const { registerDemoFederation } = await import("@/lib/clusters/demo");
  const { syncCluster } = await import("@/lib/sync/sync-cluster");
  const { syncClusters } = await import("@/lib/sync/federation");
  const { closeSyncLockSession } = await import("@/lib/sync/lock");
  const { closeSyncWritePool } = await import("@/lib/sync/write-pool");
  const { closeCachedClients } = await import("@/lib/clusters/connection");
  const dir = await mkdtemp(path.join(tmpdir(), "sovereign-bench-sync-"));
  const sim = await startSimProcess(generateFederation(clusters, 7, { nodes, guests }), dir);
  try {
    await Promise.all(
      sim.clusters.map((c) =>
        fetch(`${c.controlUrl}/latency`, { method: "POST", body: JSON.stringify({ ms: latency }) }),
      ),
    );
    const registered = await registerDemoFederation(db, sim);
    const ids = registered.map((r) => r.id);
    const first = ids[0];
    if (!first) throw new Error("no cluster registered");

    // Warm-up: every cluster's first syncs (disks, node details, connections, JIT, and the state
    // tables' first rewrites, which lay their pages out with room for in-place updates). Measured
    // back to back, the first three rounds after a first sync run 1.5-2.5x slower than the ones
    // after; the figures below are the steady state a worker sees every interval.
    for (let i = 0; i < 3; i++) await syncClusters(ids, { concurrency });
    const singles: number[] = [];
    for (let i = 0; i < 5; i++) singles.push((await timed(() => syncCluster(first)))[0]);
    const single = median(singles);

    // The federation's sync, median of 5 back to back (one run swings with the machine's load).
    const simPid = sim.child.pid ?? -1;
    let failed = 0;
    // And the write-ahead log the rounds wrote: what replication and archiving carry.
    const walPosition = async () =>
      (await db.$queryRaw<Array<{ lsn: string }>>`SELECT pg_current_wal_lsn()::text AS lsn`)[0]?.lsn ?? "0/0";
    const walBefore = await walPosition();
    const profiler = await startProfile(process.env.BENCH_PROFILE);
    const sync = await measureRounds(simPid, async () => {
      const outcomes = await syncClusters(ids, { concurrency });
      failed += [...outcomes.values()].filter((o) => o.status !== "ok").length;
    });
    await profiler.stop();
    const walAfter = await walPosition();
    const walBytes =
      (
        await db.$queryRaw<
          Array<{ bytes: number }>
        >`SELECT pg_wal_lsn_diff(${walAfter}::pg_lsn, ${walBefore}::pg_lsn)::float8 AS bytes`
      )[0]?.bytes ?? 0;
    const walKbPerRound = round(walBytes / 1024 / sync.rounds.length);
    const federationMs = median(sync.rounds);
    console.log(
      `federation sync rounds: ${sync.rounds.map(round).join(", ")} ms; CPU per round: sync ${sync.cpu.self} ms, simulator ${sync.cpu.simulator} ms, PostgreSQL ${sync.cpu.postgres} ms; WAL ${walKbPerRound} kB per round`,
    );

    // The floor under that: the same rounds' reads alone (HTTPS, JSON, validation, the snapshot),
    // with no database work at all. What these cost on this machine bounds any write design.
    const { openClusterClient } = await import("@/lib/clusters/connection");
    const { readCluster } = await import("@/lib/sync/read");
    const { buildSnapshot } = await import("@/lib/sync/snapshot");
    const readers = (await Promise.all(ids.map((id) => openClusterClient(id)))).flatMap((c) => (c ? [c.client] : []));
    const readAll = async () => {
      const queue = [...readers];
      await Promise.all(
        Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
          for (let client = queue.shift(); client; client = queue.shift())
            buildSnapshot(await readCluster(client, { disks: false, nodeDetails: () => false }));
        }),
      );
    };
    await readAll();
    const readsOnly = await measureRounds(simPid, readAll);
    for (const client of readers) client.close();
    const readsOnlyMs = median(readsOnly.rounds);
    console.log(
      `reads alone, no database: ${readsOnly.rounds.map(round).join(", ")} ms; CPU per round: reader ${readsOnly.cpu.self} ms, simulator ${readsOnly.cpu.simulator} ms`,
    );
    const guestRows = await db.guest.count();

    const { getOverview } = await import("@/lib/state/overview");
    await getOverview();
    const queryRuns: number[] = [];
    for (let i = 0; i < 20; i++) queryRuns.push((await timed(() => getOverview()))[0]);
    const overviewQuery = median(queryRuns);
    const syncLoad = loadavg().map(round);
    console.log(
      `${clusters} clusters × ${nodes} nodes × ${guests} guests, ${latency} ms latency, ${concurrency} in parallel: ${guestRows} guest rows, ${failed} failed syncs; load average ${syncLoad.join(", ")}`,
    );
    console.log(
      `single cluster sync (median of 5): ${round(single)} ms; federation sync: ${round(federationMs)} ms; ratio ${round(federationMs / single)}; reads alone ${round(readsOnlyMs)} ms, ratio ${round(readsOnlyMs / single)}`,
    );
    const overviewPage = await timeOverviewPage(scratch.url);
    const load = loadavg().map(round);
    console.log(
      `overview page over HTTP (median of 20): ${round(overviewPage)} ms; its query alone: ${round(overviewQuery)} ms`,
    );
    console.log(
      JSON.stringify({
        federation_sync_ms: round(federationMs),
        single_cluster_sync_ms: round(single),
        ratio: round(federationMs / single),
        overview_median_ms: round(overviewPage),
        overview_query_median_ms: round(overviewQuery),
        clusters,
        nodes,
        guests,
        latency_ms: latency,
        failed,
        cpu_ms_per_round_sync: sync.cpu.self,
        cpu_ms_per_round_simulator: sync.cpu.simulator,
        cpu_ms_per_round_postgres: sync.cpu.postgres,
        wal_kb_per_round: walKbPerRound,
        reads_only_federation_ms: round(readsOnlyMs),
        reads_only_ratio: round(readsOnlyMs / single),
        cpu_ms_per_round_reads_only: readsOnly.cpu.self,
        cpu_ms_per_round_simulator_reads_only: readsOnly.cpu.simulator,
        load_average_1m: syncLoad[0],
        load_average_1m_overview: load[0],
      }),
    );
  } finally {
    closeCachedClients();
    sim.child.kill("SIGTERM");
    await rm(dir, { recursive: true, force: true });
    await closeSyncLockSession();
    await closeSyncWritePool();
    await db.$disconnect();
    await scratch.close();
  }
}

runCommand(async () => {
  await main();
  return 0;
});
