// Runs one Proxmox call for a guest action against a registered cluster, turning every failure
// into a message an operator can act on. The call happens inside the action's transaction, before
// any write, so the client's timeout is kept well under the transaction's 15 s.
import { ActionError } from "@/lib/actions/result";
import { openClusterClient } from "@/lib/clusters/connection";
import type { Tx } from "@/lib/db";
import { ProxmoxError, type ProxmoxClient } from "@/lib/proxmox";

/** Bound on one Proxmox request made from an action (the transaction allows 15 s in total). */
export const ACTION_CALL_TIMEOUT_MS = 8_000;

export class GuestCallError extends ActionError {
  constructor(
    message: string,
    readonly proxmoxCode: string,
  ) {
    super("conflict", message);
  }
}

/** "Proxmox refused: VM 101 not running" — Proxmox's own words, which the client already redacted. */
export function describeProxmoxFailure(error: ProxmoxError): string {
  switch (error.code) {
    case "unreachable":
    case "node_unreachable":
      return `The cluster did not answer (${error.message}). Nothing was changed.`;
    case "tls_fingerprint_mismatch":
      return "The cluster presented a different certificate. An admin must compare and accept it before anything can be done.";
    case "unauthenticated":
      return "The cluster rejected Sovereign's API token. An admin must update it.";
    case "forbidden":
      return `Sovereign's token lacks a privilege for this: ${error.message}`;
    default:
      return `Proxmox refused: ${error.message}`;
  }
}

export async function withClusterClient<T>(
  tx: Tx,
  clusterId: string,
  call: (client: ProxmoxClient) => Promise<T>,
): Promise<T> {
  const connection = await openClusterClient(clusterId, { timeoutMs: ACTION_CALL_TIMEOUT_MS, retries: 0 }, tx);
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
