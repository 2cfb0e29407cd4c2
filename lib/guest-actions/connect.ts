// Runs one Proxmox call for a guest action against a registered cluster, turning every failure
// into a message an operator can act on. Called outside any transaction (execute.ts's rule for
// actions that call a cluster): the writes that follow take their own short one.
import { ActionError } from "@/lib/actions/result";
import { openClusterClient } from "@/lib/clusters/connection";
import { describeProxmoxFailure, ProxmoxError, type ProxmoxClient } from "@/lib/proxmox";

/** Bound on one Proxmox request made from an action: the operator is waiting for the answer. */
export const ACTION_CALL_TIMEOUT_MS = 8_000;

export class GuestCallError extends ActionError {
  constructor(
    message: string,
    readonly proxmoxCode: string,
  ) {
    super("conflict", message);
  }
}

export async function withClusterClient<T>(clusterId: string, call: (client: ProxmoxClient) => Promise<T>): Promise<T> {
  const connection = await openClusterClient(clusterId, { timeoutMs: ACTION_CALL_TIMEOUT_MS, retries: 0 });
  if (!connection) throw new ActionError("not_found", "This cluster is no longer registered.");
  try {
    if (connection.pendingFingerprint) {
      throw new ActionError(
        "conflict",
        "This cluster's certificate changed. An admin must compare and accept it before guests can be acted on.",
      );
    }
    if (!connection.enabled)
      throw new ActionError("conflict", "This cluster is disabled. An admin can enable it on the cluster's settings.");
    return await call(connection.client);
  } catch (error) {
    if (error instanceof ProxmoxError) throw new GuestCallError(describeProxmoxFailure(error), error.code);
    throw error;
  } finally {
    connection.client.close();
  }
}
