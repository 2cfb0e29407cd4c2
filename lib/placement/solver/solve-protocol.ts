// The messages between off-thread.ts and solve-worker.ts. Plain data only: both ways they go
// through structured clone, which keeps numbers, strings, arrays and plain objects, not classes.
import type { Plan, PlacementInput } from "@/lib/placement/engine/types";

export interface SolveRequest {
  id: number;
  input: PlacementInput;
}

export interface SerializedError {
  name: string;
  message: string;
  stack: string | undefined;
}

export type SolveReply = { id: number; ok: true; plan: Plan } | { id: number; ok: false; error: SerializedError };

/** The worker says it has loaded (its imports resolved) and takes requests. */
export interface ReadyMessage {
  ready: true;
}

const BUILT_IN: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  CompileError: WebAssembly.CompileError,
  LinkError: WebAssembly.LinkError,
  RuntimeError: WebAssembly.RuntimeError,
};

/**
 * The error the solve threw, rebuilt on this side: same class for the built-in ones, same name
 * and message always, and the worker's stack (which says where it really happened).
 */
export function reviveError(e: SerializedError): Error {
  const Kind = BUILT_IN[e.name] ?? Error;
  const error = new Kind(e.message);
  if (error.name !== e.name) error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}
