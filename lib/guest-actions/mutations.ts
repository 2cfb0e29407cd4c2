// Guest actions as action definitions (actions.ts binds them to the session). Each starts a
// Proxmox task and returns its UPID at once; the browser follows the task (app/api/tasks) and
// then asks refreshGuest to re-read the guest, so the row is right before the next sync.
// Each calls a cluster, so each runs with `transaction: false` (lib/actions/execute.ts): reads,
// the intent audited and committed, the Proxmox call with no transaction open, then its writes
// and the result's audit event in short transactions of their own.
import { defineMutation, type ActionContext, type AuditNote } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { db, type Tx } from "@/lib/db";
import {
  getGuestStatus,
  getLxcMigratePrecheck,
  getQemuMigratePrecheck,
  getTaskStatus,
  isUpid,
  migrateGuest,
  powerAction,
  taskSucceeded,
  type GuestRef,
} from "@/lib/proxmox";
import { GuestCallError, withClusterClient } from "./connect";
import { summarizePrecheck, type MigratePrecheck } from "./precheck";
import {
  guestMigrateInputSchema,
  guestPowerInputSchema,
  guestRefSchema,
  taskRefSchema,
  type GuestPowerAction,
} from "./schemas";
import { recordStartedTask } from "@/lib/sync/started-task";
import { toGuestStatus } from "./status";

export interface StartedTask {
  clusterId: string;
  vmid: number;
  upid: string;
  /** Where the guest will be once the task is done (the target of a migration). */
  node: string;
}

async function loadGuest(tx: Tx, clusterId: string, vmid: number) {
  const guest = await tx.guest.findUnique({
    where: { clusterId_vmid: { clusterId, vmid } },
    select: {
      vmid: true,
      name: true,
      node: true,
      type: true,
      status: true,
      template: true,
      cluster: { select: { name: true } },
    },
  });
  if (!guest)
    throw new ActionError(
      "not_found",
      `Guest ${vmid} is not in this cluster's synced state. It may have been removed or moved.`,
    );
  return guest;
}

type AuditCtx = Pick<ActionContext, "auditNow" | "auditFailure">;

/**
 * Runs the Proxmox call between two audit events: the intent (`<action>-requested`), committed
 * before the call, and, if it fails, the result (`<action>-refused` when Proxmox said no or could
 * not be reached, `<action>-failed` otherwise); the caller records success. No transaction is
 * open during the call, so a slow or dead cluster holds no database connection in a transaction.
 */
async function callAudited<T>(
  clusterId: string,
  intent: AuditNote & { payload: Record<string, unknown> },
  ctx: AuditCtx,
  call: Parameters<typeof withClusterClient<T>>[1],
): Promise<T> {
  await ctx.auditNow({ ...intent, action: `${intent.action}-requested` });
  try {
    return await withClusterClient(clusterId, call);
  } catch (error) {
    const refused = error instanceof GuestCallError;
    ctx.auditFailure({
      ...intent,
      action: `${intent.action}-${refused ? "refused" : "failed"}`,
      // GuestCallError's message is written for operators and never holds a secret; any other
      // error's message might, so only its kind is kept.
      payload: refused
        ? { ...intent.payload, proxmoxCode: error.proxmoxCode, message: error.message }
        : { ...intent.payload, error: error instanceof ActionError ? error.code : "internal" },
    });
    throw error;
  }
}

export const guestPower = defineMutation({
  name: "guests.power",
  permission: "guests.act",
  input: guestPowerInputSchema,
  transaction: false,
  clusters: ({ clusterId }) => [clusterId],
  async run({ clusterId, vmid, action }, { tx, audit, ...ctx }): Promise<StartedTask> {
    const guest = await loadGuest(tx, clusterId, vmid);
    if (guest.template)
      throw new ActionError("conflict", `${guest.name} is a template: templates cannot be started or stopped.`);
    const ref: GuestRef = { node: guest.node, kind: guest.type, vmid };
    const about = { targetType: "guest", targetId: `${clusterId}:${vmid}` };
    const payload = { cluster: guest.cluster.name, vmid, name: guest.name, node: guest.node, type: guest.type };
    const upid = await callAudited(clusterId, { action: `guest.${action}`, ...about, payload }, ctx, (client) =>
      powerAction(client, ref, action satisfies GuestPowerAction),
    );
    await recordStartedTask(tx, clusterId, upid);
    audit({ action: `guest.${action}`, ...about, payload: { ...payload, upid } });
    return { clusterId, vmid, upid, node: guest.node };
  },
});

export const guestMigratePrecheck = defineMutation({
  name: "guests.migrate-precheck",
  permission: "guests.act",
  input: guestRefSchema,
  transaction: false,
  clusters: ({ clusterId }) => [clusterId],
  async run({ clusterId, vmid }, { tx }): Promise<MigratePrecheck & { node: string; name: string }> {
    const guest = await loadGuest(tx, clusterId, vmid);
    const nodes = await tx.clusterNode.findMany({
      where: { clusterId },
      select: { name: true },
      orderBy: { name: "asc" },
    });
    const summary = await withClusterClient(clusterId, async (client) =>
      guest.type === "qemu"
        ? summarizePrecheck(
            { kind: "qemu", raw: await getQemuMigratePrecheck(client, guest.node, vmid) },
            guest.node,
            nodes.map((n) => n.name),
          )
        : summarizePrecheck(
            { kind: "lxc", raw: await getLxcMigratePrecheck(client, guest.node, vmid) },
            guest.node,
            nodes.map((n) => n.name),
          ),
    );
    return { ...summary, node: guest.node, name: guest.name };
  },
});

export const guestMigrate = defineMutation({
  name: "guests.migrate",
  permission: "guests.act",
  input: guestMigrateInputSchema,
  transaction: false,
  clusters: ({ clusterId }) => [clusterId],
  async run({ clusterId, vmid, target, online }, { tx, audit, ...ctx }): Promise<StartedTask> {
    const guest = await loadGuest(tx, clusterId, vmid);
    if (guest.node === target)
      throw new ActionError("validation", `${guest.name} is already on ${target}.`, {
        target: ["Choose another node."],
      });
    const ref: GuestRef = { node: guest.node, kind: guest.type, vmid };
    // Live migration only makes sense for a running guest; PVE refuses `online` otherwise.
    const live = online && guest.status === "running";
    const about = { targetType: "guest", targetId: `${clusterId}:${vmid}` };
    const payload = { cluster: guest.cluster.name, vmid, name: guest.name, from: guest.node, to: target, online: live };
    const upid = await callAudited(clusterId, { action: "guest.migrate", ...about, payload }, ctx, (client) =>
      migrateGuest(client, ref, guest.type === "qemu" ? { target, online: live } : { target, restart: live }),
    );
    await recordStartedTask(tx, clusterId, upid);
    audit({ action: "guest.migrate", ...about, payload: { ...payload, upid } });
    return { clusterId, vmid, upid, node: target };
  },
});

/**
 * Re-reads one guest from Proxmox after its task ended and updates its synced row. Not audited:
 * like the sync, it records what Proxmox says and changes nothing on the cluster.
 */
export const refreshGuest = defineMutation({
  name: "guests.refresh",
  permission: "guests.act",
  input: guestRefSchema.extend({
    node: guestMigrateInputSchema.shape.target,
    upid: taskRefSchema.shape.upid.optional(),
  }),
  transaction: false,
  clusters: ({ clusterId }) => [clusterId],
  async run({ clusterId, vmid, node, upid }, { tx }) {
    const guest = await loadGuest(tx, clusterId, vmid);
    const { status, task } = await withClusterClient(clusterId, async (client) => ({
      status: await getGuestStatus(client, { node, kind: guest.type, vmid }),
      task: upid && isUpid(upid) ? await getTaskStatus(client, upid) : null,
    }));
    const next = toGuestStatus(status.status, status.kind === "qemu" ? status.qmpstatus : undefined);
    await db.$transaction(async (write) => {
      await write.guest.update({
        where: { clusterId_vmid: { clusterId, vmid } },
        // Usage (CPU, memory, uptime) lives in the cluster's GuestMetrics row, which the next sync
        // rewrites whole; the status and the node are what the action changed.
        data: { node, status: next },
      });
      if (task && upid && task.status === "stopped") {
        // The row recordStartedTask wrote; the next sync would fill this in too, only later.
        await write.clusterTask.updateMany({
          where: { clusterId, upid, endedAt: null },
          data: { endedAt: new Date(), status: task.exitstatus ?? "unexpected status", ok: taskSucceeded(task) },
        });
      }
    });
    return { vmid, node, status: next };
  },
});
