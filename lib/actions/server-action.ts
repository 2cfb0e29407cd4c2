import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { executeAction, type ActionDefinition } from "./execute";
import type { ActionResult } from "./result";

/**
 * Exposes a mutation as a server action. The returned function is what a `"use server"` module exports: every
 * call — from our UI or a hand-made POST — is validated, authenticated and authorised here.
 */
export function serverAction<S extends z.ZodType, T, P extends Permission | "public">(def: ActionDefinition<S, T, P>) {
  return async (input: unknown): Promise<ActionResult<T>> => executeAction(def, input, await getSessionUser());
}
