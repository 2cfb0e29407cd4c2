// The map page's layout, shared by /map and the benchmark's /map/bench: the map with the audit
// beside it (a sheet under it on a phone), then the full audit and the links.
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import type { MapData } from "@/lib/map/types";
import type { AuditReport } from "@/lib/redundancy/types";
import { AuditSection, AuditSummary } from "./audit-panel";
import { LinksTable } from "./links-table";
import { MapExplorer } from "./map-explorer";
import { MeshLinkForm } from "./mesh-link-form";

const DESCRIPTION =
  "Every site, coloured by health, with the links between them and the redundancy audit against the federation's distribution rules.";

export function FederationMapPage({
  data,
  report,
  canManage,
}: {
  data: MapData;
  report: AuditReport;
  canManage: boolean;
}) {
  if (data.sites.length === 0) {
    return (
      <>
        <PageHeader title="Map" description={DESCRIPTION} />
        <Card>
          <div data-testid="map-empty" className="space-y-2">
            <p className="font-medium">No clusters are registered yet.</p>
            <p className="text-sm text-muted">
              Each cluster appears here once it is registered with its site data: role, tier, coordinates, power grid
              and ISP. The redundancy audit then checks the federation against the distribution rules.
            </p>
            <Link href="/clusters" className="inline-block text-sm font-medium text-accent hover:underline">
              Go to clusters →
            </Link>
          </div>
        </Card>
      </>
    );
  }

  return (
    <>
      <div className="hidden sm:block">
        <PageHeader title="Map" description={DESCRIPTION} />
      </div>
      <h1 className="sr-only sm:hidden">Map</h1>
      {/* On a phone the map runs edge to edge and fills the screen below the top bar, leaving the
          top of the audit sheet in view as a handle. */}
      <div className="-mx-4 -mt-4 sm:mx-0 sm:mt-0 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-4">
        <div className="h-[calc(100dvh-57px-4.5rem)] overflow-hidden sm:h-[32rem] sm:rounded-lg sm:border sm:border-border lg:h-[38rem]">
          <MapExplorer sites={data.sites} links={data.links} />
        </div>
        <aside
          aria-label="Redundancy audit summary"
          className="relative z-10 -mt-5 rounded-t-2xl border-t border-border bg-surface p-4 shadow-[0_-8px_24px_rgba(0,0,0,0.12)] sm:mt-4 sm:rounded-lg sm:border sm:shadow-none lg:mt-0 lg:max-h-[38rem] lg:overflow-y-auto"
        >
          <div className="mx-auto mb-3 h-1 w-10 rounded-full bg-border sm:hidden" aria-hidden />
          <AuditSummary report={report} />
        </aside>
      </div>
      <div className="mt-6 space-y-6">
        <section id="audit" className="scroll-mt-20">
          <Card title="Redundancy audit">
            <AuditSection report={report} />
          </Card>
        </section>
        <Card title={`Links (${data.links.length})`}>
          <div className="space-y-4">
            <LinksTable links={data.links} sites={data.sites} canManage={canManage} />
            {canManage && (
              <div className="border-t border-border pt-4">
                <h3 className="mb-2 text-sm font-semibold">Add a mesh link</h3>
                <p className="mb-3 text-xs text-muted">
                  Sites link to the primary by default. Add direct links between busy sites; record a measured round
                  trip if you have one.
                </p>
                <MeshLinkForm sites={data.sites.map((s) => ({ id: s.id, siteName: s.siteName }))} />
              </div>
            )}
          </div>
        </Card>
      </div>
    </>
  );
}
