// What the matrix says of one entry point: who may call it, and a valid input (the wrapper
// validates before it authenticates, so an invalid input would hide a refusal).
import type { Persona, Scene } from "./scene";

/** Signed-in personas that may use an entry point; "signedOut" and "disabled" only on public ones. */
export type Allowed = readonly Persona[];

export const PUBLIC: Allowed = ["admin", "operatorAssigned", "operatorUnassigned", "viewer", "signedOut", "disabled"];
export const MEMBERS: Allowed = ["admin", "operatorAssigned", "operatorUnassigned", "viewer"];
/** Admins and operators, whatever clusters the operator is assigned: it touches no cluster. */
export const STAFF: Allowed = ["admin", "operatorAssigned", "operatorUnassigned"];
/** Admins and operators who may act on cluster X (the input touches X only). */
export const ON_X: Allowed = ["admin", "operatorAssigned"];
export const ADMIN: Allowed = ["admin"];

export interface ActionEntry {
  allow: Allowed;
  /** Built right before each call, as `as` (the admin stands in when signed out). */
  input(scene: Scene, as: Persona): unknown;
  /** Allowed calls must also succeed (ok: true), not only get past the checks. */
  succeeds?: boolean;
}

export interface RouteEntry {
  allow: Allowed;
  /** The name a refusal is recorded under (guardRoute's); absent where the route has no session check. */
  attempted?: string;
  request(scene: Scene, as: Persona): Promise<{ request: Request; params?: Record<string, unknown> }>;
  /** next-auth's catch-all: checked to hand everything to NextAuth, not called (see routes-matrix.ts). */
  nextAuth?: boolean;
  /** The status an allowed call answers. */
  okStatus: number;
}
