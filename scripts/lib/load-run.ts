// One phase of `npm run load`: autocannon's connections, each signed in, on one page for a while,
// with every response's time kept (autocannon's own histogram has no 95th percentile), and the CPU
// the phase cost each process on the machine.
import autocannon, { type Result } from "autocannon";
import { readCpu } from "./cpu";
import { round } from "./stats";

export interface PhaseOptions {
  url: string;
  connections: number;
  durationS: number;
  /** Session cookies, dealt to the connections in turn. */
  cookies: readonly string[];
  /** Process trees whose CPU to report, by label (the app, the simulator, the sync). */
  processes: Record<string, number>;
}

export interface PhaseResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  /** CPU seconds per process over the phase; `postgres` is every PostgreSQL process. */
  cpuS: Record<string, number | null>;
  wallS: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const labels = Object.keys(options.processes);
  const pids = Object.values(options.processes);
  const before = readCpu(pids, ["postgres"]);
  const selfBefore = process.cpuUsage();
  const started = performance.now();
  const times: number[] = [];
  let dealt = 0;
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationS,
        timeout: 10,
        setupClient: (client) => client.setHeaders({ cookie: options.cookies[dealt++ % options.cookies.length] ?? "" }),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  const wallS = (performance.now() - started) / 1000;
  const after = readCpu(pids, ["postgres"]);
  const self = process.cpuUsage(selfBefore);
  const cpuS: Record<string, number | null> = {};
  labels.forEach((label, i) => {
    const pid = pids[i] ?? -1;
    const a = before?.tree.get(pid);
    const b = after?.tree.get(pid);
    cpuS[label] = a === undefined || b === undefined ? null : round((b - a) / 1000, 2);
  });
  const pgBefore = before?.byName.get("postgres");
  const pgAfter = after?.byName.get("postgres");
  cpuS.postgres = pgBefore === undefined || pgAfter === undefined ? null : round((pgAfter - pgBefore) / 1000, 2);
  cpuS.load_generator = round((self.user + self.system) / 1e6, 2);

  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: round(result.requests.total / result.duration),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times.at(-1) ?? Number.NaN),
    errors: result.errors + result.non2xx,
    cpuS,
    wallS: round(wallS, 2),
  };
}
