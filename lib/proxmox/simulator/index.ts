// Public entry point of the Proxmox VE 9.1 simulator. Everything outside this folder imports
// from here only, so the internals can move without breaking the client tests or the demo.
import type { FederationSpec } from "./spec";
import type { RunningSimulator, StartOptions } from "./public-types";

export type {
  FederationSpec,
  ClusterSpec,
  NodeSpec,
  GuestSpec,
  GuestGeneratorSpec,
  StorageSpec,
  DiskSpec,
  HaResourceSpec,
  TokenSpec,
  AclEntrySpec,
  GuestType,
  GuestStatus,
} from "./spec";
export type {
  StartOptions,
  RunningSimulator,
  SimulatedCluster,
  SimulatedToken,
  RecordedRequest,
  FaultState,
  GuestView,
  TaskView,
} from "./public-types";
export {
  generateCluster,
  generateFederation,
  loadFederationFile,
  migrationToken,
  MIGRATION_TOKEN_ID,
  SOVEREIGN_ROLE_PRIVILEGES,
} from "./generate";
export type { GenerateClusterOptions } from "./generate";

/** Starts one HTTPS API server (and one control server) per cluster of the spec. */
export async function startSimulator(spec: FederationSpec, opts: StartOptions = {}): Promise<RunningSimulator> {
  const { startFederation } = await import("./federation");
  return startFederation(spec, opts);
}
