// Starts and stops a whole federation: one ClusterRuntime per cluster, all in this process,
// registered by host:port so remote_migrate can hand guests from one to another.
import { ClusterRuntime } from "./cluster";
import type { RunningSimulator, SimulatedCluster, StartOptions } from "./public-types";
import type { FederationSpec } from "./spec";

export async function startFederation(spec: FederationSpec, opts: StartOptions): Promise<RunningSimulator> {
  const names = new Set<string>();
  for (const c of spec.clusters) {
    if (names.has(c.name)) throw new Error(`duplicate cluster name ${c.name}`);
    names.add(c.name);
  }
  const timeScale = opts.timeScale ?? 1;
  const peers = new Map<string, ClusterRuntime>();
  const options = {
    host: opts.host ?? "127.0.0.1",
    timeScale,
    authFailureDelayMs: opts.authFailureDelayMs ?? 3000 * timeScale,
    now: opts.now ?? Date.now,
    ephemeralPorts: opts.ephemeralPorts ?? false,
    certDir: opts.certDir,
    peers,
  };
  const clusters = spec.clusters.map((c) => new ClusterRuntime(c, spec.seed, options));
  const started: ClusterRuntime[] = [];
  try {
    // In parallel: key generation runs on libuv's thread pool.
    await Promise.all(
      clusters.map(async (c) => {
        await c.start();
        started.push(c);
        peers.set(`${options.host}:${c.port}`, c);
      }),
    );
  } catch (e) {
    await Promise.allSettled(started.map((c) => c.close()));
    throw e;
  }
  return {
    clusters,
    cluster(name: string): SimulatedCluster {
      const c = clusters.find((x) => x.name === name);
      if (!c) throw new Error(`no simulated cluster named ${name}`);
      return c;
    },
    async close() {
      await Promise.all(clusters.map((c) => c.close()));
    },
  };
}
