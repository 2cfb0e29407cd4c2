// The solver thread's keeper: one long-lived worker, started on first use and reused; solves
// queue behind each other. A crashed worker is replaced for the next solve; one past its time
// limit or abandoned is terminated (HiGHS cannot be interrupted from outside). If no worker can
// start, solves run in-process as before (logged once). How to start one: off-thread.ts.
import { Worker } from "node:worker_threads";
import { solvePlacement } from "./solve";
import { reviveError, type ReadyMessage, type SolveReply, type SolveRequest } from "./solve-protocol";
import { DEFAULT_PLACEMENT_OPTIONS, type Plan, type PlacementInput } from "@/lib/placement/engine/types";

export interface OffThreadOptions {
  /** Aborting drops a queued solve, or stops the worker mid-solve (it restarts for the next). */
  signal?: AbortSignal;
  /** Default: HiGHS's own time limit plus SOLVE_GRACE_MS. */
  timeoutMs?: number;
}

/** Beyond HiGHS's time limit: the heuristic, the LP bound and building the plan. */
export const SOLVE_GRACE_MS = 20_000;
/** A worker that has not loaded by then is taken as unable to start. */
const START_TIMEOUT_MS = 30_000;

export class PlacementTimeoutError extends Error {
  constructor(ms: number) {
    super(`The placement solve did not finish within ${Math.round(ms / 1000)} s and was stopped.`);
    this.name = "PlacementTimeoutError";
  }
}

interface Job {
  input: PlacementInput;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  resolve: (plan: Plan) => void;
  reject: (error: unknown) => void;
}

interface Running {
  id: number;
  job: Job;
  timer: NodeJS.Timeout;
  onAbort: () => void;
}

export class SolverPool {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private running: Running | null = null;
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** Set once a worker failed to start: from then on solves run in-process. */
  private inProcess = false;
  private disposed = false;
  /** A job has left the queue and waits for the worker to start. */
  private starting = false;
  private spawner = 0;
  /** The thread runs older code than the spawners now start: replace it once it is idle. */
  private stale = false;

  /** Ways of starting the worker, tried in order until one answers. */
  constructor(private spawners: ReadonlyArray<() => Worker>) {}

  /**
   * A newer copy of this module (a development reload, or a second bundle layer) brings its own
   * spawners. The thread finishes what it runs, without rejecting anything, and the next solve
   * starts one from the new code.
   */
  adopt(spawners: ReadonlyArray<() => Worker>): void {
    this.spawners = spawners;
    this.spawner = 0;
    this.inProcess = false;
    if (this.running || this.starting) this.stale = true;
    else void this.kill();
  }

  solve(input: PlacementInput, options: OffThreadOptions = {}): Promise<Plan> {
    if (this.inProcess || this.disposed) return solvePlacement(input);
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const limitS = input.options?.exactTimeLimitSeconds ?? DEFAULT_PLACEMENT_OPTIONS.exactTimeLimitSeconds;
    const timeoutMs = options.timeoutMs ?? limitS * 1000 + SOLVE_GRACE_MS;
    return new Promise<Plan>((resolve, reject) => {
      const job: Job = { input, timeoutMs, signal, resolve, reject };
      const onQueuedAbort = () => {
        const at = this.queue.indexOf(job);
        if (at < 0) return;
        this.queue.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener("abort", onQueuedAbort, { once: true });
      job.resolve = (plan) => {
        signal?.removeEventListener("abort", onQueuedAbort);
        resolve(plan);
      };
      job.reject = (error) => {
        signal?.removeEventListener("abort", onQueuedAbort);
        reject(error);
      };
      this.queue.push(job);
      this.pump();
    });
  }

  /** Stops the worker; queued and running solves are rejected. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const error = new Error("The placement solver was shut down.");
    for (const job of this.queue.splice(0)) job.reject(error);
    if (this.running) this.finish(this.running, { error });
    await this.kill();
  }

  private pump(): void {
    if (this.running || this.starting || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.starting = true;
    this.started().then(
      (worker) => {
        this.starting = false;
        this.send(worker, job);
      },
      (error: unknown) => {
        this.starting = false;
        this.fallBack(error);
        // Every queued solve goes the same way once the worker is known not to start.
        for (const queued of [job, ...this.queue.splice(0)])
          solvePlacement(queued.input).then(queued.resolve, queued.reject);
      },
    );
  }

  private send(worker: Worker, job: Job): void {
    if (job.signal?.aborted) {
      job.reject(job.signal.reason);
      return this.pump();
    }
    if (this.worker !== worker) {
      // It crashed while idle, after starting: start another one for this job.
      this.queue.unshift(job);
      return this.pump();
    }
    const id = this.nextId++;
    const timer = setTimeout(() => this.stopRunning(new PlacementTimeoutError(job.timeoutMs)), job.timeoutMs);
    const onAbort = () => this.stopRunning(job.signal!.reason);
    job.signal?.addEventListener("abort", onAbort, { once: true });
    this.running = { id, job, timer, onAbort };
    // Only a running solve keeps the process alive: an idle worker must not hold a script open.
    worker.ref();
    worker.postMessage({ id, input: job.input } satisfies SolveRequest);
  }

  private finish(running: Running, outcome: { plan: Plan } | { error: unknown }): void {
    clearTimeout(running.timer);
    running.job.signal?.removeEventListener("abort", running.onAbort);
    if (this.running === running) this.running = null;
    this.worker?.unref();
    if (this.stale) {
      this.stale = false;
      void this.kill();
    }
    if ("plan" in outcome) running.job.resolve(outcome.plan);
    else running.job.reject(outcome.error);
    this.pump();
  }

  /** Time limit or abort: HiGHS cannot be interrupted from outside, so the thread goes. */
  private stopRunning(error: unknown): void {
    const running = this.running;
    if (!running) return;
    void this.kill();
    this.finish(running, { error });
  }

  private started(): Promise<Worker> {
    this.ready ??= this.startFirstWorking();
    return this.ready;
  }

  /** The first way of starting that works is kept for restarts; the failures are reported together. */
  private async startFirstWorking(): Promise<Worker> {
    const failures: string[] = [];
    for (; this.spawner < this.spawners.length; this.spawner++) {
      try {
        return await this.startOne(this.spawners[this.spawner]!);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
    throw new Error(failures.join("; "));
  }

  private startOne(spawn: () => Worker): Promise<Worker> {
    return new Promise<Worker>((resolve, reject) => {
      const worker = spawn();
      this.worker = worker;
      const settle = (error: unknown) => {
        clearTimeout(timer);
        worker.off("error", settle);
        worker.off("exit", onExit);
        worker.off("message", onReady);
        if (!error) {
          this.watch(worker);
          return resolve(worker);
        }
        void worker.terminate();
        if (this.worker === worker) this.worker = null;
        reject(error);
      };
      const timer = setTimeout(
        () => settle(new Error(`no answer within ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
      const onExit = (code: number) => settle(new Error(`the worker exited with code ${code} while starting`));
      const onReady = (message: ReadyMessage) =>
        settle(message.ready ? null : new Error("the worker did not announce itself"));
      worker.on("error", settle);
      worker.on("exit", onExit);
      worker.on("message", onReady);
    });
  }

  private watch(worker: Worker): void {
    worker.on("message", (reply: SolveReply) => {
      const running = this.running;
      if (!running || running.id !== reply.id) return;
      this.finish(running, reply.ok ? { plan: reply.plan } : { error: reviveError(reply.error) });
    });
    // A crash mid-solve fails that solve only; the next one starts a fresh worker.
    const crashed = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.ready = null;
      const running = this.running;
      if (running) this.finish(running, { error });
    };
    worker.on("error", crashed);
    worker.on("exit", (code) => crashed(new Error(`The placement solver stopped unexpectedly (exit code ${code}).`)));
  }

  private async kill(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) await worker.terminate();
  }

  private fallBack(error: unknown): void {
    this.inProcess = true;
    this.ready = null;
    void this.kill();
    console.warn(
      `[placement] the solver worker could not start (${error instanceof Error ? error.message : String(error)}); solving on the main thread from now on`,
    );
  }
}
