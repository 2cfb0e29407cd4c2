// The Proxmox side of a move: where the guest lands on the target and the remote_migrate call
// on the source (with the target's MIGRATION token, decrypted only for the call: the console
// token never leaves Sovereign), and the task's failure text as stored. No transaction is held here; apply.ts records what happened.
import { ActionError } from "@/lib/actions/result";
import { connectionSelect, openClusterClient, pinOf } from "@/lib/clusters/connection";
import { decryptMigrationToken, migrationTokenSelect } from "@/lib/clusters/migration-token";
import { SecretKeyError } from "@/lib/clusters/secrets";
import { db } from "@/lib/db";
import { describeProxmoxFailure, ProxmoxError, remoteMigrateGuest, scrubText } from "@/lib/proxmox";
import { resolveTarget, TargetError } from "./target";

/** The remote_migrate call checks the target before it forks its worker: allow it time. */
const START_TIMEOUT_MS = 30_000;
export const READ_TIMEOUT_MS = 8_000;

/** The target as remote_migrate needs it: URL, migration token (decrypted here, passed only to the call) and pin. */
async function loadTarget(clusterId: string) {
  const row = await db.cluster.findUnique({
    where: { id: clusterId },
    select: { ...connectionSelect, ...migrationTokenSelect },
  });
  if (!row) throw new TargetError("The target cluster is no longer registered.");
  if (!row.migrationTokenId)
    throw new TargetError(
      `${row.name} has no migration token. An admin can add one on the cluster's settings: guests move there with it, never with the console token.`,
    );
  if (!row.enabled) throw new TargetError(`${row.name} is disabled. An admin can enable it on the cluster's settings.`);
  if (row.pendingFingerprint)
    throw new TargetError(
      `${row.name}'s certificate changed. An admin must compare and accept it before guests can move there.`,
    );
  const storages = await db.storage.findMany({
    where: { clusterId },
    select: { node: true, storage: true, shared: true, status: true, content: true, disk: true, maxdisk: true },
  });
  return { row, storages, token: () => decryptMigrationToken(row.id, row) };
}

export function plainFailure(error: unknown): string | null {
  if (error instanceof TargetError || error instanceof ActionError) return error.message;
  if (error instanceof ProxmoxError) return describeProxmoxFailure(error);
  return null;
}

/** Calls Proxmox; returns the UPID and where the guest goes, or throws a plain-worded failure. */
export async function callRemoteMigrate(move: {
  sourceClusterId: string;
  targetClusterId: string;
  vmid: number;
  sourceName: string;
  targetName: string;
}) {
  const guest = await db.guest.findUnique({
    where: { clusterId_vmid: { clusterId: move.sourceClusterId, vmid: move.vmid } },
    select: { node: true, type: true, status: true, maxdisk: true, name: true, template: true },
  });
  if (!guest)
    throw new TargetError(
      `Guest ${move.vmid} is no longer on ${move.sourceName} (as last synced). It may have been moved or removed.`,
    );
  if (guest.template) throw new TargetError(`${guest.name} is a template: templates are not moved.`);
  const target = await loadTarget(move.targetClusterId);
  const targetConnection = await openClusterClient(move.targetClusterId, { timeoutMs: READ_TIMEOUT_MS, retries: 0 });
  if (!targetConnection) throw new TargetError("The target cluster is no longer registered.");
  let where;
  try {
    where = await resolveTarget(
      targetConnection.client,
      target.storages,
      { kind: guest.type, diskBytes: guest.maxdisk },
      target.row.name,
    );
  } finally {
    targetConnection.client.close();
  }
  const source = await openClusterClient(move.sourceClusterId, { timeoutMs: START_TIMEOUT_MS, retries: 0 });
  if (!source) throw new TargetError("The source cluster is no longer registered.");
  try {
    if (!source.enabled)
      throw new TargetError(`${source.name} is disabled. An admin can enable it on the cluster's settings.`);
    if (source.pendingFingerprint)
      throw new TargetError(`${source.name}'s certificate changed. An admin must compare and accept it first.`);
    const running = guest.status === "running";
    const token = target.token();
    if (!token) throw new TargetError(`${target.row.name} has no migration token.`);
    const upid = await remoteMigrateGuest(
      source.client,
      { node: guest.node, kind: guest.type, vmid: move.vmid },
      {
        target: {
          url: target.row.apiUrl,
          token,
          // A CA-verified target sends none: the source node then verifies it under its system CAs.
          fingerprint: pinOf(target.row),
        },
        targetStorage: where.storage,
        targetBridge: where.bridge,
        targetVmid: where.vmid,
        // A running VM moves live; a running container is restarted on the target.
        ...(guest.type === "qemu" ? { online: running } : { restart: running }),
        // A move, not a copy: Proxmox removes the source guest once the target has it.
        delete: true,
      },
    );
    return { upid, ...where, sourceNode: guest.node };
  } finally {
    source.client.close();
  }
}

/** The target's migration token secret, to scrub from task text by value; null when none can be read. */
async function targetSecret(clusterId: string): Promise<string | null> {
  const row = await db.cluster.findUnique({ where: { id: clusterId }, select: { id: true, ...migrationTokenSelect } });
  if (!row) return null;
  try {
    return decryptMigrationToken(row.id, row)?.secret ?? null;
  } catch (error) {
    if (error instanceof SecretKeyError) return null;
    throw error;
  }
}

/**
 * Task error text as stored (the move, its task row and its audit event): Proxmox's own words,
 * scrubbed of the target's secret and of anything shaped like a credential.
 */
export async function taskError(exitstatus: string, targetClusterId: string): Promise<string> {
  const secret = await targetSecret(targetClusterId);
  return `The migration task failed: ${scrubText(exitstatus, secret ? [secret] : [])}`;
}
