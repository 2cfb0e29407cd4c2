// The server-action chain: validate → authenticate → authorise → run in a transaction → audit →
// typed result. `executeAction` takes the session user as an argument so it is testable without
// Next; `serverAction` (server-action.ts) binds it to the request's session.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { recordAudit, type AuditInput } from "@/lib/audit/record";
import { clusterScopeOf, mayTouch, outOfScope, type ClusterTouch } from "@/lib/auth/cluster-scope";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { recordRefusal } from "./refusal";
import { ActionError, type ActionResult } from "./result";

/** An audit event an action writes; the actor defaults to the session user. */
export type AuditNote = Omit<AuditInput, "actor"> & { actor?: AuditInput["actor"] };

export interface ActionContext<U extends SessionUser | null = SessionUser> {
  /** The signed-in member; null only in "public" actions. */
  user: U;
  tx: Tx;
  /** Queue an audit event; it is written in the same transaction as the change. */
  audit(note: AuditNote): void;
  /** Queue an event written only if the action fails (its own transaction): attempts that matter. */
  auditFailure(note: AuditNote): void;
  /**
   * Write an event now. With `transaction: false` it commits at once in its own transaction, so an
   * action that calls a cluster records its intent before the call and its result after: if the
   * call fails or the process dies meanwhile, the trail still shows what was attempted.
   */
  auditNow(note: AuditNote): Promise<void>;
}

type UserFor<P> = P extends "public" ? SessionUser | null : SessionUser;

export interface ActionDefinition<S extends z.ZodType, T, P extends Permission | "public"> {
  name: string;
  /** "public" only for flows that have no session yet (accepting an invitation). */
  permission: P;
  input: S;
  /**
   * false for actions that call a cluster (a network round trip must not hold a transaction
   * open): `ctx.tx` is then the plain client, and audit notes are written in their own
   * transaction once `run` succeeds. Default true.
   */
  transaction?: boolean;
  /**
   * Which clusters the (validated) input acts on, for members limited to their assigned clusters
   * (lib/auth/cluster-scope.ts): cluster ids, or "federation" for what belongs to every cluster.
   * Checked before `run`; a refusal is audited like a role's. Omitted: the action touches no
   * cluster. It may read (a move → its clusters) but must not write.
   */
  clusters?: (input: z.infer<S>, tx: Tx) => ClusterTouch | Promise<ClusterTouch>;
  run(input: z.infer<S>, ctx: ActionContext<UserFor<P>>): Promise<T>;
}

/** Declares a mutation: its input schema, permission and body, types inferred. It runs nothing;
 * `serverAction` exposes it to the browser, tests and jobs call `executeAction` with it. */
export function defineMutation<S extends z.ZodType, T, P extends Permission | "public">(
  def: ActionDefinition<S, T, P>,
): ActionDefinition<S, T, P> {
  return def;
}

export function formDataToObject(input: unknown): unknown {
  if (typeof FormData !== "undefined" && input instanceof FormData) {
    return Object.fromEntries([...input.entries()].filter(([key]) => !key.startsWith("$ACTION")));
  }
  return input;
}

export const CLUSTER_REFUSAL = "You may act only on the clusters assigned to you.";

export async function executeAction<S extends z.ZodType, T, P extends Permission | "public">(
  def: ActionDefinition<S, T, P>,
  raw: unknown,
  user: SessionUser | null,
): Promise<ActionResult<T>> {
  const parsed = def.input.safeParse(formDataToObject(raw));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return { ok: false, code: "validation", message: "Some fields need attention.", fieldErrors };
  }

  if (def.permission !== "public") {
    if (!user) return { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };
    if (!can(user.role, def.permission)) {
      await recordRefusal(user, def.name);
      return { ok: false, code: "forbidden", message: "Your role does not allow this." };
    }
  }
  if (def.clusters && user) {
    const touch = await def.clusters(parsed.data, db);
    const scope = await clusterScopeOf(db, user);
    if (!mayTouch(scope, touch)) {
      await recordRefusal(user, def.name, { clusters: touch === "federation" ? touch : outOfScope(scope, touch) });
      return { ok: false, code: "forbidden", message: CLUSTER_REFUSAL };
    }
  }

  const sessionActor = user ? { id: user.id, label: user.email } : { id: null, label: "anonymous" };
  const onFailure: AuditNote[] = [];
  try {
    if (def.transaction === false) {
      const notes: AuditNote[] = [];
      const ctx: ActionContext<UserFor<P>> = {
        user: user as UserFor<P>,
        tx: db,
        audit: (note) => notes.push(note),
        auditFailure: (note) => onFailure.push(note),
        auditNow: (note) => db.$transaction((tx) => recordAudit(tx, { ...note, actor: note.actor ?? sessionActor })),
      };
      const data = await def.run(parsed.data, ctx);
      if (notes.length > 0) {
        await db.$transaction(async (tx) => {
          for (const note of notes) await recordAudit(tx, { ...note, actor: note.actor ?? sessionActor });
        });
      }
      return { ok: true, data };
    }
    const data = await db.$transaction(
      async (tx) => {
        const notes: AuditNote[] = [];
        // Checked above: a non-public action only gets here with a user.
        const ctx: ActionContext<UserFor<P>> = {
          user: user as UserFor<P>,
          tx,
          audit: (note) => notes.push(note),
          auditFailure: (note) => onFailure.push(note),
          auditNow: (note) => recordAudit(tx, { ...note, actor: note.actor ?? sessionActor }),
        };
        const result = await def.run(parsed.data, ctx);
        for (const note of notes) await recordAudit(tx, { ...note, actor: note.actor ?? sessionActor });
        return result;
      },
      { timeout: 15_000 },
    );
    return { ok: true, data };
  } catch (error) {
    if (onFailure.length > 0) {
      await db.$transaction(async (tx) => {
        for (const note of onFailure) await recordAudit(tx, { ...note, actor: note.actor ?? sessionActor });
      });
    }
    return toFailure(def.name, error);
  }
}

function toFailure(name: string, error: unknown): ActionResult<never> {
  if (error instanceof ActionError)
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return { ok: false, code: "conflict", message: "That already exists." };
    if (error.code === "P2025") return { ok: false, code: "not_found", message: "It no longer exists." };
  }
  // Unexpected: log the name and message for operators (never the input, which may hold secrets).
  console.error(`[action ${name}] failed`, error instanceof Error ? `${error.name}: ${error.message}` : error);
  return {
    ok: false,
    code: "internal",
    message: "Something went wrong on our side. Try again; if it persists, check the server log.",
  };
}
