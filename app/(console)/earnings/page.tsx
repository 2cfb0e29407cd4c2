import Link from "next/link";
import { BandChart, ClusterBarsChart, RevenueByNetworkChart } from "@/components/earnings/earnings-charts";
import { EarningsFilters } from "@/components/earnings/earnings-filters";
import { EarningsTable } from "@/components/earnings/earnings-table";
import { ExportButton } from "@/components/earnings/export-button";
import { Count, Usd } from "@/components/earnings/money";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { parseFilter } from "@/lib/earnings/filter";
import { getEarningsReport } from "@/lib/earnings/queries";
import { buildView, TIER_BANDS } from "@/lib/earnings/report";

export const metadata = { title: "Earnings" };

const NOT_PER_NETWORK =
  "Electricity is paid per cluster, whatever network earns on it, so it is not split by network: clear the network filter to see it and the net.";

export default async function EarningsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const filter = parseFilter(await searchParams, new Date());
  const report = await getEarningsReport(filter);
  const view = buildView(report);
  const shownNetworks = report.networks.map((n) => ({ id: n.id, name: n.name }));

  return (
    <>
      <PageHeader
        title="Earnings"
        description={`Revenue per cluster and network, net of electricity, against each tier's monthly target. ${filter.from} to ${filter.to}, in US dollars.`}
        actions={
          <div className="flex flex-wrap gap-2">
            <ExportButton view={view} fileName={`earnings-${filter.from}-${filter.to}.csv`} />
            {can(user.role, "earnings.import") && (
              <Link href="/earnings/import" className={buttonClass("primary")}>
                Import
              </Link>
            )}
            {can(user.role, "earnings.manage-keys") && (
              <Link href="/earnings/keys" className={buttonClass("secondary")}>
                Settings
              </Link>
            )}
          </div>
        }
      />
      <div className="space-y-6">
        <Card>
          <EarningsFilters filter={filter} clusters={report.allClusters} networks={shownNetworks} />
        </Card>
        <div className="grid gap-4 sm:grid-cols-3" data-testid="earnings-totals">
          <Card title="Revenue">
            <p className="text-2xl font-semibold" data-testid="total-revenue">
              <Usd value={view.totals.revenueUsd} />
            </p>
            <p className="mt-1 text-xs text-muted">
              <Count value={view.totals.entries} /> entries
              {view.totals.unpriced > 0 && (
                <span className="text-warn">
                  {" · "}
                  <Count value={view.totals.unpriced} /> unpriced (not counted until a price arrives)
                </span>
              )}
            </p>
          </Card>
          <Card title="Electricity">
            <p className="text-2xl font-semibold" data-testid="total-electricity">
              <Usd
                value={view.totals.electricityUsd}
                empty={view.electricityShown ? "needs an exchange rate" : "not per network"}
              />
            </p>
            {!view.electricityShown && <p className="mt-1 text-xs text-muted">{NOT_PER_NETWORK}</p>}
          </Card>
          <Card title="Net">
            <p className="text-2xl font-semibold">
              <Usd value={view.totals.netUsd} empty={view.electricityShown ? "unknown" : "not per network"} />
            </p>
            {!view.electricityShown && (
              <p className="mt-1 text-xs text-muted">
                Revenue minus electricity needs all networks: clear the network filter.
              </p>
            )}
          </Card>
        </div>
        {view.totals.entries === 0 ? (
          <Card>
            <p className="text-sm text-muted">
              No revenue in this period
              {filter.clusterIds.length + filter.networkIds.length > 0 ? " for these filters" : ""}. Import a CSV, send
              entries to the API, or enter them by hand.
            </p>
          </Card>
        ) : (
          <>
            <Card title="Revenue by network">
              <RevenueByNetworkChart view={view} networks={shownNetworks} granularity={filter.granularity} />
            </Card>
            <div className="grid gap-4 lg:grid-cols-2">
              <Card title="Revenue by cluster">
                <ClusterBarsChart view={view} metric="revenueUsd" label="Revenue by cluster" />
              </Card>
              <Card title="Net profit by cluster">
                {view.electricityShown ? (
                  <ClusterBarsChart view={view} metric="netUsd" label="Net profit by cluster" />
                ) : (
                  <p className="text-sm text-muted">{NOT_PER_NETWORK}</p>
                )}
              </Card>
            </div>
          </>
        )}
        <Card title="Each cluster against its tier's monthly target">
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {view.clusters.map((c) => {
              const band = TIER_BANDS[c.tier];
              return (
                <div key={c.clusterId} data-testid="tier-chart">
                  <h3 className="text-sm font-medium">
                    {c.name} <span className="text-muted">· tier {c.tier}</span>
                  </h3>
                  <p className="text-xs text-muted">
                    Target <Usd value={band?.min ?? null} empty="none" />–<Usd value={band?.max ?? null} empty="none" />{" "}
                    a month{c.monthsBelow > 0 ? ` · ${c.monthsBelow} months below` : ""}
                    {c.unpriced > 0 && (
                      <span className="text-warn">{` · ${c.unpriced} unpriced entries: months with them are not judged until priced`}</span>
                    )}
                  </p>
                  <BandChart
                    months={c.months}
                    min={band?.min ?? null}
                    max={band?.max ?? null}
                    label={`${c.name} monthly revenue against tier ${c.tier} target`}
                  />
                </div>
              );
            })}
          </div>
        </Card>
        <Card title="Each network against the essay's monthly range">
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {view.networks.map((n) => (
              <div key={n.id}>
                <h3 className="text-sm font-medium">{n.name}</h3>
                <p className="text-xs text-muted">
                  Range <Usd value={n.min} empty="none" />–<Usd value={n.max} empty="none" /> a month
                </p>
                <BandChart
                  months={n.months}
                  min={n.min}
                  max={n.max}
                  label={`${n.name} monthly revenue against its range`}
                />
              </div>
            ))}
          </div>
        </Card>
        <Card title="By cluster">
          <EarningsTable view={view} />
        </Card>
      </div>
    </>
  );
}
