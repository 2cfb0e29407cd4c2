// A task's progress, read from Proxmox while the browser follows a guest action. Read-only and
// outside any transaction; the browser polls it about once a second until the task stops.
import { openClusterClient } from "@/lib/clusters/connection";
import { describeProxmoxFailure, getTaskLog, getTaskStatus, isUpid, ProxmoxError, taskSucceeded } from "@/lib/proxmox";

export interface TaskState {
  running: boolean;
  /** Once stopped: "OK", "WARNINGS: n" or Proxmox's error text. */
  exitstatus: string | null;
  ok: boolean | null;
  /** The task log's last line (migration progress, "TASK ERROR: …"), when there is one. */
  lastLine: string | null;
}

export type TaskStateResult = { ok: true; task: TaskState } | { ok: false; status: 400 | 404 | 502; message: string };

/** Short: a poll that hangs would stall the progress display. */
const POLL_TIMEOUT_MS = 5_000;

export async function readTaskState(clusterId: string, upid: string): Promise<TaskStateResult> {
  if (!isUpid(upid)) return { ok: false, status: 400, message: "Not a Proxmox task id." };
  const connection = await openClusterClient(clusterId, { timeoutMs: POLL_TIMEOUT_MS, retries: 0 });
  if (!connection) return { ok: false, status: 404, message: "This cluster is no longer registered." };
  try {
    const status = await getTaskStatus(connection.client, upid);
    const log = await getTaskLog(connection.client, upid, { start: 0, limit: 500 });
    const last = log.at(-1)?.t ?? null;
    const stopped = status.status === "stopped";
    return {
      ok: true,
      task: {
        running: !stopped,
        exitstatus: stopped ? (status.exitstatus ?? "unexpected status") : null,
        ok: stopped ? taskSucceeded(status) : null,
        lastLine: last,
      },
    };
  } catch (error) {
    if (error instanceof ProxmoxError) return { ok: false, status: 502, message: describeProxmoxFailure(error) };
    throw error;
  } finally {
    connection.client.close();
  }
}
