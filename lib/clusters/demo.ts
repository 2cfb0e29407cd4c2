// Registers every cluster of a running simulator (npm run demo, tests) with its site data, its
// least-privilege token and its certificate fingerprint. Idempotent: run it on every demo start;
// a cluster already registered under the same name gets the simulator's current URL, token and
// fingerprint (ports and certificates may differ between runs).
import type { Db } from "@/lib/db";
import { siteSchema, type SiteInput } from "./schemas";
import { encryptSecret } from "./secrets";

/**
 * What registration needs of a simulated cluster: a RunningSimulator's clusters fit, and so does
 * what `npm run sim -- --json` prints (the benchmark runs the simulator in another process).
 */
export interface SimulatedClusterInfo {
  name: string;
  url: string;
  fingerprint: string;
  tokens: ReadonlyArray<{ tokenId: string; secret: string; privsep?: boolean }>;
  site?: Record<string, unknown>;
}

// Typical draw per node by tier when the spec does not say (earnings estimates use it).
const DEMO_WATTS_BY_TIER: Record<number, number> = { 1: 450, 2: 250, 3: 60 };

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

/** The simulator's free-form site record → validated site data. */
export function demoSite(cluster: SimulatedClusterInfo): SiteInput {
  const site = cluster.site ?? {};
  const tier = num(site.tier) ?? 2;
  return siteSchema.parse({
    siteName: str(site.city) ?? str(site.name) ?? cluster.name,
    role: (str(site.role) ?? "edge").replaceAll("-", "_"),
    tier,
    latitude: num(site.lat) ?? num(site.latitude) ?? 0,
    longitude: num(site.lon) ?? num(site.longitude) ?? 0,
    country: str(site.country) ?? "FR",
    region: str(site.region),
    powerGrid: str(site.powerGrid),
    isp: str(site.isp),
    electricityPricePerKwh: num(site.electricityPricePerKwh) ?? 0.2,
    currency: str(site.currency) ?? "EUR",
    wattsPerNode: num(site.wattsPerNode) ?? DEMO_WATTS_BY_TIER[tier] ?? null,
  });
}

/** The console's token: a privilege-separated, non-root one when the spec has it. */
function consoleToken(cluster: SimulatedClusterInfo) {
  const token = cluster.tokens.find((t) => t.privsep !== false && !t.tokenId.startsWith("root@")) ?? cluster.tokens[0];
  if (!token) throw new Error(`Simulated cluster ${cluster.name} has no API token`);
  return token;
}

export async function registerDemoFederation(
  db: Db,
  simulator: { clusters: readonly SimulatedClusterInfo[] },
): Promise<Array<{ id: string; name: string }>> {
  const out: Array<{ id: string; name: string }> = [];
  for (const cluster of simulator.clusters) {
    const token = consoleToken(cluster);
    const site = demoSite(cluster);
    const siteData = { ...site, electricityPricePerKwh: String(site.electricityPricePerKwh) };
    const existing = await db.cluster.findUnique({ where: { name: cluster.name }, select: { id: true } });
    const id = existing?.id ?? crypto.randomUUID();
    const connection = {
      apiUrl: cluster.url,
      tokenId: token.tokenId,
      fingerprint: cluster.fingerprint,
      pendingFingerprint: null,
      pendingFingerprintSeenAt: null,
      ...encryptSecret(id, token.secret),
    };
    if (existing) {
      await db.cluster.update({ where: { id }, data: { ...connection, ...siteData }, select: { id: true } });
    } else {
      await db.cluster.create({ data: { id, name: cluster.name, ...connection, ...siteData }, select: { id: true } });
    }
    out.push({ id, name: cluster.name });
  }
  return out;
}
