// Test helper: clusters inserted directly (earnings needs only their id, name, tier and power
// data, not a reachable Proxmox), each with a unique name so tests never collide.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { PLACEHOLDER_CREDENTIALS } from "@/test/factories";

export async function createTestCluster(
  overrides: {
    name?: string;
    tier?: number;
    pricePerKwh?: number;
    currency?: string;
    wattsPerNode?: number | null;
    nodes?: number;
  } = {},
) {
  const name = overrides.name ?? `earn-${randomUUID().slice(0, 8)}`;
  const cluster = await db.cluster.create({
    data: {
      name,
      apiUrl: `https://${name}.test:8006`,
      ...PLACEHOLDER_CREDENTIALS,
      siteName: name,
      role: "edge",
      tier: overrides.tier ?? 2,
      latitude: 48.85,
      longitude: 2.35,
      country: "FR",
      electricityPricePerKwh: overrides.pricePerKwh ?? 0.2,
      currency: overrides.currency ?? "USD",
      wattsPerNode: overrides.wattsPerNode === undefined ? 250 : overrides.wattsPerNode,
    },
  });
  for (let i = 0; i < (overrides.nodes ?? 0); i++) {
    await db.clusterNode.create({ data: { clusterId: cluster.id, name: `pve${i + 1}`, status: "online" } });
  }
  return cluster;
}
