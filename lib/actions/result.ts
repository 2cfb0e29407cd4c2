// What every server action returns: data, or an error a user can act on. Never a stack or a raw
// driver message.
export type ActionErrorCode =
  "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "internal";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: ActionErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/** Thrown by an action's body for an expected failure; the wrapper turns it into a result. */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}
