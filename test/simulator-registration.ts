// Registering the simulator's "src" cluster through the real action, as an admin would: shared
// by the registry's tests (lib/clusters) and the sync's tests of a registered cluster (lib/sync).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { registerCluster } from "@/lib/clusters/mutations";
import { db } from "@/lib/db";
import { startSimulator, type RunningSimulator } from "@/lib/proxmox/simulator";
import { createMember } from "@/test/factories";
import { fixture } from "@/test/simulator-federation";

export const SOVEREIGN = { tokenId: "sovereign@pve!console", secret: "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b" };
export const WEAK = { tokenId: "weak@pve!ro", secret: "99999999-8888-4777-8666-555555555555" };

/** Distinguishes this run's cluster names from those of files running at the same time. */
export const suffix = randomBytes(3).toString("hex");

export const site = {
  siteName: "Paris",
  role: "primary",
  tier: "1",
  latitude: "48.8566",
  longitude: "2.3522",
  country: "fr",
  region: "Île-de-France",
  powerGrid: "RTE",
  isp: "",
  electricityPricePerKwh: "0.21",
  currency: "eur",
  wattsPerNode: "",
};

export async function registerSrc(sim: RunningSimulator, name: string, secret = SOVEREIGN.secret) {
  const admin = await createMember("admin");
  const src = sim.cluster("src");
  // One registration per address: each test starts from the simulator's cluster unregistered.
  await db.cluster.deleteMany({ where: { apiUrl: src.url } });
  const result = await executeAction(
    registerCluster,
    {
      name,
      apiUrl: `${src.url}/some/path`,
      tokenId: SOVEREIGN.tokenId,
      tokenSecret: secret,
      fingerprint: src.fingerprint.toLowerCase(),
      ...site,
    },
    admin,
  );
  if (!result.ok) throw new Error(`register failed: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return { admin, id: result.data.id };
}

export interface RegistrationSimulator {
  /** The running simulator (read inside tests: it starts before the file's first test). */
  readonly sim: RunningSimulator;
  /** Registers the simulator's "src" cluster under `name` through the real action. */
  register(name: string, secret?: string): ReturnType<typeof registerSrc>;
}

/** One simulator for the whole test file, started before its first test and closed after its last. */
export function registrationSimulatorPerFile(): RegistrationSimulator {
  let running: RunningSimulator | undefined;
  beforeAll(async () => {
    running = await startSimulator(fixture(31), { ephemeralPorts: true, timeScale: 0.01, authFailureDelayMs: 5 });
  });
  afterAll(async () => {
    await running?.close();
  });
  const started = (): RunningSimulator => {
    if (!running) throw new Error("the simulator is not started yet");
    return running;
  };
  return {
    get sim() {
      return started();
    },
    register: (name, secret) => registerSrc(started(), name, secret),
  };
}
