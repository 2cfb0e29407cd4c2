// The map benchmark's page (scripts/bench-map.ts): the real map page drawing a synthetic
// federation, so 500 sites need no rows in a shared database. Exists only with MAP_BENCH=1.
import { notFound } from "next/navigation";
import { FederationMapPage } from "@/components/map/federation-map-page";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { toFederation, withLinks } from "@/lib/map/links";
import { syntheticFederation } from "@/lib/map/synthetic";
import { auditFederation } from "@/lib/redundancy/audit";

export const metadata = { title: "Map benchmark" };

const MAX_SITES = 5000;

export default async function MapBenchPage({ searchParams }: { searchParams: Promise<{ sites?: string }> }) {
  if (!env().MAP_BENCH) notFound();
  await requireUser();
  const requested = Number.parseInt((await searchParams).sites ?? "500", 10);
  const count = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), MAX_SITES) : 500;
  const { sites, mesh } = syntheticFederation(count);
  const data = withLinks(sites, mesh);
  return <FederationMapPage data={data} report={auditFederation(toFederation(sites))} canManage={false} />;
}
