import { FederationMapPage } from "@/components/map/federation-map-page";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { toFederation } from "@/lib/map/links";
import { getFederationMap } from "@/lib/map/queries";
import { auditFederation } from "@/lib/redundancy/audit";

export const metadata = { title: "Map" };

export default async function MapPage() {
  const user = await requireUser();
  const data = await getFederationMap();
  const report = auditFederation(toFederation(data.sites));
  return <FederationMapPage data={data} report={report} canManage={can(user.role, "map.manage-links")} />;
}
