// Benchmark of the Proxmox client against the simulator, over real HTTPS with pinning:
//  1. one 20-node, 2,000-guest cluster: N × GET /cluster/resources, served and parsed (zod) by
//     the client; reports the median (goal: under 50 ms on a 2-core machine);
//  2. a federation of 100 simulated clusters in this one process: GET /version on each.
// The last line printed is one JSON object, for CI and the proof.
// Usage: npm run bench:proxmox [-- --runs 50 --clusters 100]
import { performance } from "node:perf_hooks";
import { ProxmoxClient, getClusterResources, getVersion } from "../lib/proxmox";
import { generateCluster, generateFederation, startSimulator, type SimulatedCluster } from "../lib/proxmox/simulator";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? Number.NaN : Number(process.argv[i + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (rank - lo);
}

const round = (n: number): number => Math.round(n * 100) / 100;

function clientFor(cluster: SimulatedCluster): ProxmoxClient {
  const token = cluster.tokens.find((t) => t.tokenId.startsWith("sovereign@")) ?? cluster.tokens[0];
  if (!token) throw new Error(`cluster ${cluster.name} has no token`);
  return new ProxmoxClient({
    url: cluster.url,
    token: { id: token.tokenId, secret: token.secret },
    fingerprint: cluster.fingerprint,
  });
}

async function benchResources(
  runs: number,
): Promise<{ median: number; p95: number; min: number; entries: number; guests: number }> {
  const spec = { seed: 42, clusters: [generateCluster({ name: "bench", nodes: 20, guests: 2_000, seed: 42 })] };
  const sim = await startSimulator(spec, { ephemeralPorts: true });
  const cluster = sim.clusters[0];
  if (!cluster) throw new Error("the simulator started no cluster");
  const client = clientFor(cluster);
  try {
    let entries = 0;
    let guests = 0;
    // Warm-up: JIT, connection pool, zod's compiled parsers.
    for (let i = 0; i < 5; i++) await getClusterResources(client);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const resources = await getClusterResources(client);
      times.push(performance.now() - started);
      entries = resources.length;
      guests = resources.filter((r) => r.type === "qemu" || r.type === "lxc").length;
    }
    times.sort((a, b) => a - b);
    return {
      median: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      min: times[0] ?? Number.NaN,
      entries,
      guests,
    };
  } finally {
    client.close();
    await sim.close();
  }
}

async function benchFederation(
  count: number,
): Promise<{ served: number; startMs: number; callsMs: number; failures: string[] }> {
  const started = performance.now();
  const sim = await startSimulator(generateFederation(count, 7, { nodes: 3, guests: 20 }), { ephemeralPorts: true });
  const startMs = performance.now() - started;
  const failures: string[] = [];
  let served = 0;
  const callsStarted = performance.now();
  try {
    const queue = [...sim.clusters];
    // A bounded pool, as the sync worker would do it.
    const worker = async (): Promise<void> => {
      for (let cluster = queue.shift(); cluster; cluster = queue.shift()) {
        const client = clientFor(cluster);
        try {
          const version = await getVersion(client);
          if (version.release) served++;
        } catch (err) {
          failures.push(`${cluster.name}: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          client.close();
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return { served, startMs, callsMs: performance.now() - callsStarted, failures };
  } finally {
    await sim.close();
  }
}

async function main(): Promise<void> {
  const runs = arg("runs", 50);
  const clusters = arg("clusters", 100);
  const r = await benchResources(runs);
  console.log(
    `GET /cluster/resources (20 nodes, ${r.guests} guests, ${r.entries} entries): median ${round(r.median)} ms, p95 ${round(r.p95)} ms, min ${round(r.min)} ms over ${runs} runs`,
  );
  const f = await benchFederation(clusters);
  console.log(
    `federation of ${clusters} clusters started in ${round(f.startMs)} ms; /version answered by ${f.served} in ${round(f.callsMs)} ms`,
  );
  for (const failure of f.failures.slice(0, 5)) console.log(`  failed: ${failure}`);
  if (f.served < clusters || r.guests === 0) process.exitCode = 1;
  console.log(
    JSON.stringify({
      resources_median_ms: round(r.median),
      resources_p95_ms: round(r.p95),
      resources_runs: runs,
      resources_entries: r.entries,
      guests: r.guests,
      goal_median_under_50ms: r.median < 50,
      clusters_served: f.served,
      clusters_total: clusters,
      federation_start_ms: round(f.startMs),
      federation_version_calls_ms: round(f.callsMs),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
