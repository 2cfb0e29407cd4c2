// solvePlacement on a worker thread, for the server: HiGHS runs synchronously for up to its time
// limit (seconds), and on the main thread that stalls every other request to the console.
import { Worker } from "node:worker_threads";
import { SolverPool, type OffThreadOptions } from "./solver-pool";
import type { Plan, PlacementInput } from "@/lib/placement/engine/types";

export { PlacementTimeoutError, type OffThreadOptions } from "./solver-pool";

/**
 * Under Next (dev and production build) Turbopack recognises this literal form and builds
 * solve-worker.ts into a worker entry of its own. Run from source instead, the URL names the .ts
 * file, which Node refuses ("Unknown file extension"), and the pool tries spawnFromSource.
 */
function spawnBundled(): Worker {
  return new Worker(new URL("./solve-worker.ts", import.meta.url), { name: "placement-solver" });
}

/**
 * Outside Next (tsx scripts, vitest) this module runs as TypeScript source, and so must the
 * worker. Node 20 does not apply a process's `--import tsx` hooks to a worker's entry file, so
 * the thread registers tsx itself before importing the source.
 */
function spawnFromSource(): Worker {
  // The bootstrap is a string so that Next's bundler, which reads this module, does not try to
  // bundle tsx. It loads tsx's API as an ES module (its CommonJS build fails to load its ESM half
  // from an evaluated script); the export map puts index.mjs beside the index.cjs that resolves.
  const from = JSON.stringify(import.meta.url);
  const bootstrap = [
    `const api = require("node:module").createRequire(${from}).resolve("tsx/esm/api").replace(/\\.cjs$/, ".mjs");`,
    `import(require("node:url").pathToFileURL(api).href).then((tsx) => tsx.tsImport(new URL("./solve-worker.ts", ${from}).href, ${from}));`,
  ].join("\n");
  return new Worker(bootstrap, { eval: true, name: "placement-solver" });
}

// One pool per process, even when this module is evaluated again (development reloads): a second
// pool would mean a second thread, and disposing the first would fail the solves it is running.
const globalForPool = globalThis as unknown as { sovereignSolverPool?: SolverPool };
const spawners = [spawnBundled, spawnFromSource];
if (globalForPool.sovereignSolverPool) globalForPool.sovereignSolverPool.adopt(spawners);
else globalForPool.sovereignSolverPool = new SolverPool(spawners);
const pool = globalForPool.sovereignSolverPool;

/** solvePlacement's result, computed on the solver thread; errors are the ones it would throw. */
export function solvePlacementOffThread(input: PlacementInput, options?: OffThreadOptions): Promise<Plan> {
  return pool.solve(input, options);
}
