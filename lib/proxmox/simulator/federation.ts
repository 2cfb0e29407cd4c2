// Starts and stops a whole federation.
import type { FederationSpec } from "./spec";
import type { RunningSimulator, StartOptions } from "./public-types";

export async function startFederation(_spec: FederationSpec, _opts: StartOptions): Promise<RunningSimulator> {
  throw new Error("simulator: not implemented yet");
}
