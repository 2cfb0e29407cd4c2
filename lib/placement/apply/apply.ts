// Applying one move of a placement plan: a cross-cluster remote_migrate from the source cluster
// to the target, with the target's token and pinned fingerprint, then following its task to the
// end. Three short transactions around the network calls, never one held open across them:
//   claim  — lock the plan and the move, check the move may start, mark it running;
//   start  — (no transaction, remote-migrate.ts) pick the target's node, storage, bridge and vmid; call Proxmox;
//   record — the UPID on the move, the task row, an audit event.
// settleMove reads the task later (the browser, or the worker's job) and marks the move
// succeeded or failed exactly once; a success rewrites an assigned guest to the target and syncs
// both clusters. Shared by the server actions and the governance job (actor "system").
import { ActionError } from "@/lib/actions/result";
import { recordAudit, type AuditInput } from "@/lib/audit/record";
import { openClusterClient } from "@/lib/clusters/connection";
import { db, type Tx } from "@/lib/db";
import { describeProxmoxFailure, ProxmoxError, getTaskStatus, taskSucceeded } from "@/lib/proxmox";
import { syncClusters } from "@/lib/sync/federation";
import { recordStartedTask } from "@/lib/sync/started-task";
import { lockMove } from "@/lib/placement/plans/row-locks";
import { planFrozenReason, planLockReason } from "@/lib/placement/plans/lock";
import { planStatusFor } from "./move-state";
import { callRemoteMigrate, plainFailure, READ_TIMEOUT_MS, taskError } from "./remote-migrate";

export type Actor = AuditInput["actor"];

/** A move claimed but never given a task (the process stopped in between) is failed after this. */
const ORPHAN_AFTER_MS = 10 * 60_000;

export interface StartedMove {
  moveId: string;
  planId: string;
  sourceClusterId: string;
  upid: string;
  targetVmid: number;
}

interface StartOptions {
  /** The governance job applies a voted plan; people may not start its moves before that. */
  byVote?: boolean;
}

async function lockPlanOfMove(tx: Tx, moveId: string) {
  await lockMove(tx, moveId);
  const move = await tx.placementMove.findUnique({
    where: { id: moveId },
    include: { plan: { select: { id: true, status: true, proposal: { select: { id: true, status: true } } } } },
  });
  if (!move) throw new ActionError("not_found", "This move is not part of any plan.");
  return move;
}

async function refreshPlanStatus(tx: Tx, planId: string): Promise<void> {
  const plan = await tx.placementPlan.findUniqueOrThrow({
    where: { id: planId },
    select: { status: true, moves: { select: { status: true } } },
  });
  const next = planStatusFor(plan.status, plan.moves);
  if (next !== plan.status) await tx.placementPlan.update({ where: { id: planId }, data: { status: next } });
}

function moveAudit(move: {
  id: string;
  planId: string;
  vmid: number;
  guestName: string;
  sourceName: string;
  targetName: string;
}) {
  return {
    targetType: "placement-move",
    targetId: move.id,
    payload: { plan: move.planId, vmid: move.vmid, guest: move.guestName, from: move.sourceName, to: move.targetName },
  };
}

function refuseStart(
  move: { status: string; upid: string | null },
  plan: { status: string; proposal: { status: string } | null },
  opts: StartOptions,
): void {
  const locked = planLockReason(plan, opts);
  if (locked) throw new ActionError("conflict", locked);
  if (move.status === "running")
    throw new ActionError("conflict", "This move is already being applied; follow its task below.");
  if (move.status === "succeeded") throw new ActionError("conflict", "This move has already been applied.");
  if (move.status === "skipped") throw new ActionError("conflict", "This move was skipped.");
}

/** Claims the move (pending or failed → running) so no second apply can start it. */
async function claim(moveId: string, opts: StartOptions) {
  return db.$transaction(async (tx) => {
    const move = await lockPlanOfMove(tx, moveId);
    refuseStart(move, move.plan, opts);
    await tx.placementMove.update({
      where: { id: moveId },
      data: { status: "running", upid: null, error: null, startedAt: new Date(), finishedAt: null },
    });
    await refreshPlanStatus(tx, move.planId);
    return move;
  });
}

/** Marks a claimed or running move failed with a plain reason, audited, plan status refreshed. */
export async function failMove(
  moveId: string,
  message: string,
  actor: Actor,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const move = await lockPlanOfMove(tx, moveId);
    if (move.status !== "running") return false;
    await tx.placementMove.update({
      where: { id: moveId },
      data: { status: "failed", error: message.slice(0, 2000), finishedAt: new Date() },
    });
    await refreshPlanStatus(tx, move.planId);
    const about = moveAudit(move);
    await recordAudit(tx, {
      action: "placement.move-failed",
      actor,
      ...about,
      payload: { ...about.payload, ...extra, error: message },
    });
    return true;
  });
}

/**
 * Starts one move. Throws ActionError for a refusal (nothing changed) and for a failure to start
 * (the move is then failed with the same words). Resolves once Proxmox has accepted the task.
 */
export async function startMove(moveId: string, actor: Actor, opts: StartOptions = {}): Promise<StartedMove> {
  const move = await claim(moveId, opts);
  let started;
  try {
    started = await callRemoteMigrate(move);
  } catch (error) {
    const message = plainFailure(error);
    if (message === null)
      console.error(
        `[placement] starting move ${moveId} failed`,
        error instanceof Error ? `${error.name}: ${error.message}` : "unknown error",
      );
    const shown = message ?? "Something went wrong on our side before Proxmox was asked; see the server log.";
    await failMove(moveId, shown, actor, error instanceof ProxmoxError ? { proxmoxCode: error.code } : {});
    throw new ActionError("conflict", shown);
  }
  const { upid } = started;
  await db.$transaction(async (tx) => {
    await tx.placementMove.update({ where: { id: moveId }, data: { upid, targetVmid: started.vmid } });
    await recordStartedTask(tx, move.sourceClusterId, upid);
    const about = moveAudit(move);
    await recordAudit(tx, {
      action: "placement.move-started",
      actor,
      ...about,
      payload: {
        ...about.payload,
        upid,
        fromNode: started.sourceNode,
        toNode: started.node,
        targetVmid: started.vmid,
        storage: started.storage,
        bridge: started.bridge,
      },
    });
  });
  return { moveId, planId: move.planId, sourceClusterId: move.sourceClusterId, upid, targetVmid: started.vmid };
}

export type SettleResult =
  | { status: "running"; message?: string }
  | { status: "succeeded" | "failed" | "pending" | "skipped"; error: string | null };

async function finish(moveId: string, upid: string, ok: boolean, error: string | null, actor: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const move = await lockPlanOfMove(tx, moveId);
    // Someone else (the browser or the worker) settled it first.
    if (move.status !== "running" || move.upid !== upid) return false;
    const now = new Date();
    await tx.placementMove.update({
      where: { id: moveId },
      data: { status: ok ? "succeeded" : "failed", error, finishedAt: now },
    });
    if (ok && move.targetVmid !== null) {
      // A guest assigned in the UI follows it to its new cluster and vmid (tagged ones follow their tag).
      await tx.workloadGuest.deleteMany({ where: { clusterId: move.targetClusterId, vmid: move.targetVmid } });
      await tx.workloadGuest.updateMany({
        where: { clusterId: move.sourceClusterId, vmid: move.vmid },
        data: { clusterId: move.targetClusterId, vmid: move.targetVmid },
      });
    }
    await tx.clusterTask.updateMany({
      where: { clusterId: move.sourceClusterId, upid, endedAt: null },
      data: { endedAt: now, ok, status: ok ? "OK" : (error ?? "failed").slice(0, 500) },
    });
    await refreshPlanStatus(tx, move.planId);
    const about = moveAudit(move);
    await recordAudit(tx, {
      action: ok ? "placement.move-succeeded" : "placement.move-failed",
      actor,
      ...about,
      payload: { ...about.payload, upid, targetVmid: move.targetVmid, ...(error ? { error } : {}) },
    });
    return true;
  });
}

/**
 * Reads a running move's task and, once it has stopped, marks the move succeeded or failed
 * (exactly once, whoever asks first). After a success both clusters are synced, so the guest
 * shows on the target at once.
 */
export async function settleMove(moveId: string, actor: Actor): Promise<SettleResult> {
  const move = await db.placementMove.findUnique({
    where: { id: moveId },
    select: { status: true, error: true, upid: true, startedAt: true, sourceClusterId: true, targetClusterId: true },
  });
  if (!move) throw new ActionError("not_found", "This move is not part of any plan.");
  if (move.status !== "running") return { status: move.status, error: move.error };
  if (!move.upid) {
    if (move.startedAt && Date.now() - move.startedAt.getTime() > ORPHAN_AFTER_MS) {
      const message =
        "Sovereign stopped before Proxmox confirmed the migration. Check the source cluster's tasks, then retry or skip this move.";
      await failMove(moveId, message, actor);
      return { status: "failed", error: message };
    }
    return { status: "running" };
  }
  const upid = move.upid;
  const connection = await openClusterClient(move.sourceClusterId, { timeoutMs: READ_TIMEOUT_MS, retries: 0 });
  if (!connection) {
    const message = "The source cluster is no longer registered, so the migration's outcome cannot be read.";
    await failMove(moveId, message, actor);
    return { status: "failed", error: message };
  }
  let task;
  try {
    task = await getTaskStatus(connection.client, upid);
  } catch (error) {
    if (error instanceof ProxmoxError) return { status: "running", message: describeProxmoxFailure(error) };
    throw error;
  } finally {
    connection.client.close();
  }
  if (task.status !== "stopped") return { status: "running" };
  const ok = taskSucceeded(task);
  const error = ok ? null : await taskError(task.exitstatus ?? "unexpected status", move.targetClusterId);
  if (await finish(moveId, upid, ok, error, actor)) {
    if (ok) await syncClusters([move.sourceClusterId, move.targetClusterId]);
    return { status: ok ? "succeeded" : "failed", error };
  }
  const now = await db.placementMove.findUniqueOrThrow({
    where: { id: moveId },
    select: { status: true, error: true },
  });
  return now.status === "running" ? { status: "running" } : { status: now.status, error: now.error };
}

/** Skips a pending or failed move: the plan goes on without it. */
export async function skipMove(moveId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const move = await lockPlanOfMove(tx, moveId);
    if (move.status !== "pending" && move.status !== "failed")
      throw new ActionError(
        "conflict",
        move.status === "running"
          ? "A running move cannot be skipped; wait for its task."
          : "Only a pending or failed move can be skipped.",
      );
    const frozen = planFrozenReason(move.plan);
    if (frozen) throw new ActionError("conflict", frozen);
    await tx.placementMove.update({ where: { id: moveId }, data: { status: "skipped", finishedAt: new Date() } });
    await refreshPlanStatus(tx, move.planId);
    await recordAudit(tx, { action: "placement.move-skipped", actor, ...moveAudit(move) });
  });
}
