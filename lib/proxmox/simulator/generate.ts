// Helpers that build specs, so a 20-node, 2,000-guest cluster or a 100-cluster federation is
// one call, and the demo federation file stays short.
import { readFile } from "node:fs/promises";
import { MIGRATION_TOKEN_GRANTS } from "../migration-grants";
import type { AclEntrySpec, ClusterSpec, FederationSpec, NodeSpec, TokenSpec } from "./spec";
import { createRng, seededUuid } from "./rng";
import { SOVEREIGN_ROLE_PRIVILEGES } from "./auth";

export { SOVEREIGN_ROLE_PRIVILEGES };

export interface GenerateClusterOptions {
  name: string;
  nodes: number;
  guests: number;
  seed: number;
  nodePrefix?: string;
  port?: number;
  controlPort?: number;
  coresPerNode?: number;
  memoryGiBPerNode?: number;
  pveVersion?: string;
  /** Number of generated guests put under HA (default: 2 % of the guests, at least 1). */
  haCount?: number;
  site?: Record<string, unknown>;
}

/** The token Sovereign uses: privilege-separated, Sovereign role on `/`. */
export function sovereignToken(clusterName: string, seed: number): TokenSpec {
  const acl: AclEntrySpec[] = [{ path: "/", role: "Sovereign" }];
  return {
    tokenId: "sovereign@pve!console",
    secret: seededUuid(seed, `${clusterName}/sovereign`),
    privsep: true,
    acl,
    userAcl: acl,
  };
}

export const MIGRATION_TOKEN_ID = "sovereign-migrate@pve!incoming";

/**
 * The token remote migrations into this cluster use (lib/proxmox/migration-grants.ts): exactly
 * the migration grants, on their paths, for the token and its user.
 */
export function migrationToken(clusterName: string, seed: number): TokenSpec {
  const acl: AclEntrySpec[] = MIGRATION_TOKEN_GRANTS.map((g) => ({
    path: g.path,
    privileges: [...g.privileges],
    propagate: g.propagate,
  }));
  return {
    tokenId: MIGRATION_TOKEN_ID,
    secret: seededUuid(seed, `${clusterName}/migration`),
    privsep: true,
    acl,
    userAcl: acl,
  };
}

export function generateCluster(o: GenerateClusterOptions): ClusterSpec {
  const rng = createRng(o.seed, `cluster:${o.name}`);
  const prefix = o.nodePrefix ?? "pve";
  const nodes: NodeSpec[] = Array.from({ length: o.nodes }, (_, i) => ({
    name: `${prefix}${i + 1}`,
    cores: o.coresPerNode ?? rng.pick([16, 32, 48, 64]),
    memoryGiB: o.memoryGiBPerNode ?? rng.pick([64, 128, 256, 512]),
    rootDiskGiB: rng.pick([100, 240, 480]),
    uptime: rng.int(3_600, 90 * 86_400),
    ip: `10.${hashByte(o.name)}.0.${i + 11}`,
  }));
  const haCount = o.haCount ?? Math.max(1, Math.floor(o.guests * 0.02));
  const ha =
    o.guests > 0
      ? Array.from({ length: Math.min(haCount, o.guests) }, (_, i) => ({
          sid: `vm:${100 + i}`,
          state: "started" as const,
        }))
      : [];
  return {
    name: o.name,
    port: o.port,
    controlPort: o.controlPort,
    pveVersion: o.pveVersion,
    nodes,
    // The first generated guests are qemu VMs so the HA sids above point at real VMs.
    guests: o.guests > 0 ? [{ count: o.guests, startVmid: 100 }] : [],
    ha,
    tokens: [
      sovereignToken(o.name, o.seed),
      migrationToken(o.name, o.seed),
      { tokenId: "root@pam!admin", secret: seededUuid(o.seed, `${o.name}/root`), privsep: false },
    ],
    site: o.site,
  };
}

/** `count` generated clusters named sim-001…, for scale tests. */
export function generateFederation(
  count: number,
  seed: number,
  perCluster: { nodes?: number; guests?: number } = {},
): FederationSpec {
  const clusters = Array.from({ length: count }, (_, i) =>
    generateCluster({
      name: `sim-${String(i + 1).padStart(3, "0")}`,
      nodes: perCluster.nodes ?? 3,
      guests: perCluster.guests ?? 20,
      seed,
    }),
  );
  return { seed, clusters };
}

/** Reads a federation JSON file; `seed` overrides the file's seed. */
export async function loadFederationFile(path: string, seed?: number): Promise<FederationSpec> {
  const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
  if (!isRecord(parsed) || !Array.isArray(parsed.clusters))
    throw new Error(`${path}: expected { seed, clusters: [...] }`);
  const spec = parsed as unknown as FederationSpec;
  for (const c of spec.clusters) {
    if (typeof c.name !== "string" || !Array.isArray(c.nodes))
      throw new Error(`${path}: every cluster needs a name and nodes[]`);
  }
  return { ...spec, seed: seed ?? (typeof spec.seed === "number" ? spec.seed : 1) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function hashByte(text: string): number {
  let h = 7;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 250;
  return h + 1;
}
