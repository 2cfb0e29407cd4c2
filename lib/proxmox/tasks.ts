// Tasks: every action in PVE runs as a worker identified by a UPID. The task lives on the node
// in its UPID, so status and log are read from there.
import { z } from "zod";
import { apiPath, type ProxmoxClient } from "./client";
import { ProxmoxTaskTimeoutError } from "./errors";
import {
  clusterTaskSchema,
  nodeTaskSchema,
  taskLogLineSchema,
  taskStatusSchema,
  type ClusterTask,
  type NodeTask,
  type TaskLogLine,
  type TaskStatus,
} from "./guest-schemas";
import { scrubCredentials } from "./scrub";
import { parseUpid } from "./upid";

// Task text (exit status, log lines, list status) is scrubbed of credentials where it is read, so
// no page, table row or audit event built from it can carry one.
const scrubbed = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : scrubCredentials(text);

export async function getTaskStatus(client: ProxmoxClient, upid: string): Promise<TaskStatus> {
  const { node } = parseUpid(upid);
  const status = await client.get(apiPath`/nodes/${node}/tasks/${upid}/status`, taskStatusSchema);
  return { ...status, exitstatus: scrubbed(status.exitstatus) };
}

export async function getTaskLog(
  client: ProxmoxClient,
  upid: string,
  opts: { start?: number; limit?: number } = {},
): Promise<TaskLogLine[]> {
  const { node } = parseUpid(upid);
  const lines = await client.get(apiPath`/nodes/${node}/tasks/${upid}/log`, z.array(taskLogLineSchema), {
    start: opts.start,
    limit: opts.limit,
  });
  return lines.map((line) => ({ ...line, t: scrubCredentials(line.t) }));
}

export interface ListNodeTasksOptions {
  source?: "archive" | "active" | "all";
  limit?: number;
  since?: number;
  vmid?: number;
  errors?: boolean;
}

export async function listNodeTasks(
  client: ProxmoxClient,
  node: string,
  opts: ListNodeTasksOptions = {},
): Promise<NodeTask[]> {
  const tasks = await client.get(apiPath`/nodes/${node}/tasks`, z.array(nodeTaskSchema), {
    source: opts.source,
    limit: opts.limit,
    since: opts.since,
    vmid: opts.vmid,
    errors: opts.errors,
  });
  return tasks.map((task) => ({ ...task, status: scrubbed(task.status) }));
}

/** Recent tasks of the whole cluster (running and finished), as the task bar shows them. */
export async function listClusterTasks(client: ProxmoxClient): Promise<ClusterTask[]> {
  const tasks = await client.get("/cluster/tasks", z.array(clusterTaskSchema));
  return tasks.map((task) => ({ ...task, status: scrubbed(task.status) }));
}

/** Asks the task's node to stop a running task; the task then ends with an error status. */
export async function stopTask(client: ProxmoxClient, upid: string): Promise<void> {
  const { node } = parseUpid(upid);
  await client.request("DELETE", apiPath`/nodes/${node}/tasks/${upid}`, z.null(), undefined, undefined);
}

/** PVE counts a task as successful when it ended "OK" or with warnings only. */
export function taskSucceeded(status: Pick<TaskStatus, "status" | "exitstatus">): boolean {
  return status.status === "stopped" && (status.exitstatus === "OK" || /^WARNINGS: \d+$/.test(status.exitstatus ?? ""));
}

export interface TaskProgress {
  status: TaskStatus;
  /** Log lines that appeared since the previous callback. */
  newLines: TaskLogLine[];
  elapsedMs: number;
}

export interface WaitForTaskOptions {
  /** Called after every poll, and once more when the task has stopped. */
  onProgress?: (progress: TaskProgress) => void;
  /** Give up after this long (default 10 min); the task itself keeps running. */
  timeoutMs?: number;
  /** Poll interval (default 1 s). */
  pollMs?: number;
  signal?: AbortSignal;
}

export interface TaskResult {
  status: TaskStatus;
  ok: boolean;
  /** "OK", "WARNINGS: n", or the error text of a failed task. */
  exitstatus: string;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Polls a task until it stops. A failed task resolves with `ok: false`; it does not throw. */
export async function waitForTask(
  client: ProxmoxClient,
  upid: string,
  opts: WaitForTaskOptions = {},
): Promise<TaskResult> {
  parseUpid(upid);
  const timeoutMs = opts.timeoutMs ?? 600_000;
  const pollMs = opts.pollMs ?? 1_000;
  const started = Date.now();
  let lastLine = 0;

  const readNewLines = async (): Promise<TaskLogLine[]> => {
    if (!opts.onProgress) return [];
    const lines = await getTaskLog(client, upid, { start: lastLine, limit: 1000 });
    const fresh = lines.filter((line) => line.n > lastLine);
    for (const line of fresh) lastLine = Math.max(lastLine, line.n);
    return fresh;
  };

  for (;;) {
    const status = await getTaskStatus(client, upid);
    const newLines = await readNewLines();
    opts.onProgress?.({ status, newLines, elapsedMs: Date.now() - started });
    if (status.status === "stopped") {
      const exitstatus = status.exitstatus ?? "unexpected status";
      return { status, ok: taskSucceeded(status), exitstatus };
    }
    const remaining = timeoutMs - (Date.now() - started);
    if (remaining <= 0) throw new ProxmoxTaskTimeoutError(upid, timeoutMs, { endpoint: client.endpoint });
    await pause(Math.min(pollMs, remaining), opts.signal);
  }
}
