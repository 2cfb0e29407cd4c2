// Worker tasks with real UPIDs. Actions return the UPID at once; the effect happens when the
// (time-scaled) delay is over, and the task ends with exitstatus "OK" or the error text, as
// PVE's fork_worker does. UPIDs are written and read by the client's own code (../upid.ts), which
// mirrors PVE's.
import { formatUpid, type Upid } from "../upid";

export interface Task extends Upid {
  upid: string;
  status: "running" | "stopped";
  exitstatus?: string;
  endtime?: number;
  log: string[];
}

export interface StartTask {
  node: string;
  nodeBootMs: number;
  type: string;
  id: string;
  user: string;
  /** Unscaled duration in ms (what it would take on real hardware). */
  durationMs: number;
  /** Log lines written while the task runs. */
  lines?: string[];
  /** Performs the effect; returns an error text to fail the task. */
  run: () => string | undefined | Promise<string | undefined>;
}

export class TaskManager {
  private readonly tasks: Task[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextPid: number;

  constructor(
    private readonly now: () => number,
    private readonly timeScale: number,
    pidSeed: number,
  ) {
    this.nextPid = 100_000 + (pidSeed % 800_000);
  }

  start(spec: StartTask): Task {
    const nowMs = this.now();
    const base = {
      node: spec.node,
      pid: this.nextPid++,
      pstart: Math.max(0, Math.floor((nowMs - spec.nodeBootMs) / 10)),
      starttime: Math.floor(nowMs / 1000),
      type: spec.type,
      id: spec.id,
      user: spec.user,
    };
    const task: Task = { ...base, upid: formatUpid(base), status: "running", log: [...(spec.lines ?? [])] };
    this.tasks.push(task);
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.finish(task, spec.run);
      },
      Math.max(0, spec.durationMs * this.timeScale),
    );
    timer.unref();
    this.timers.add(timer);
    return task;
  }

  private async finish(task: Task, run: StartTask["run"]): Promise<void> {
    if (task.status === "stopped") return;
    let error: string | undefined;
    try {
      error = await run();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    this.end(task, error);
  }

  private end(task: Task, error: string | undefined): void {
    if (task.status === "stopped") return;
    const clean = error?.replace(/\n+$/, "");
    task.log.push(clean === undefined ? "TASK OK" : `TASK ERROR: ${clean}`);
    task.status = "stopped";
    task.exitstatus = clean ?? "OK";
    task.endtime = Math.floor(this.now() / 1000);
  }

  /** DELETE /nodes/{node}/tasks/{upid}: the worker is killed and ends with an error. */
  stop(task: Task): void {
    this.end(task, "received interrupt");
  }

  get(upid: string): Task | undefined {
    return this.tasks.find((t) => t.upid === upid);
  }

  all(): readonly Task[] {
    return this.tasks;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
