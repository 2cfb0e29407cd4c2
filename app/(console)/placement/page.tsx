import Link from "next/link";
import { Usd } from "@/components/earnings/money";
import { MoveList } from "@/components/placement/move-list";
import { PlacementMap } from "@/components/placement/placement-map";
import { PlacementTable } from "@/components/placement/placement-table";
import { SavePlanButton } from "@/components/placement/save-plan-button";
import { WhatIfForm } from "@/components/placement/what-if-form";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getPlanner } from "@/lib/placement/plans/planner";
import { isEmptyWhatIf, parseWhatIf } from "@/lib/placement/plans/what-if";

export const metadata = { title: "Placement" };

const DESCRIPTION =
  "Where each workload's replicas should run: capacity, residency, spread, latency and net earnings after electricity. A dry run until someone applies it.";

export default async function PlacementPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("placement.view");
  const whatIf = parseWhatIf(await searchParams);
  const { context, view } = await getPlanner(whatIf);
  const canManage = can(user.role, "placement.manage");

  const actions = (
    <div className="flex flex-wrap gap-2">
      <Link href="/placement/plans" className={buttonClass("secondary")}>
        Saved plans
      </Link>
      <Link href="/placement/workloads" className={buttonClass("secondary")}>
        Workloads
      </Link>
      {canManage && (
        <Link href="/placement/rates" className={buttonClass("secondary")}>
          Reward rates
        </Link>
      )}
    </div>
  );

  if (!view) {
    return (
      <>
        <PageHeader title="Placement" description={DESCRIPTION} actions={actions} />
        <Card>
          <div data-testid="placement-empty" className="space-y-2">
            <p className="font-medium">No workloads yet.</p>
            <p className="text-sm text-muted">
              A workload is a group of guests — by a Proxmox tag such as sov-helium, or assigned by hand — with what
              each replica needs and where it may run. The planner then proposes where they should go.
            </p>
            {canManage ? (
              <Link
                href="/placement/workloads/new"
                className="inline-block text-sm font-medium text-accent hover:underline"
              >
                Create the first workload →
              </Link>
            ) : (
              <p className="text-sm text-muted">An admin defines workloads.</p>
            )}
          </div>
        </Card>
      </>
    );
  }

  const gain = view.netAfterUsd - view.netBeforeUsd;
  return (
    <>
      <PageHeader title="Placement" description={DESCRIPTION} actions={actions} />
      <div className="space-y-6">
        {!isEmptyWhatIf(whatIf) && (
          <Notice tone="info">
            Showing a what-if: the plan below assumes the changes in the form. Reset to see the federation as it is.
          </Notice>
        )}
        {context.warnings.map((w) => (
          <Notice key={w} tone="info">
            {w}
          </Notice>
        ))}
        <div className="grid gap-4 sm:grid-cols-3" data-testid="placement-totals">
          <Card title="Monthly net now">
            <p className="text-2xl font-semibold" data-testid="net-before">
              <Usd value={view.netBeforeUsd} />
            </p>
          </Card>
          <Card title="After the plan">
            <p className="text-2xl font-semibold" data-testid="net-after">
              <Usd value={view.netAfterUsd} />
            </p>
            <p className={`mt-1 text-xs ${gain >= 0 ? "text-ok" : "text-warn"}`}>
              {gain >= 0 ? "+" : ""}
              <Usd value={gain} /> a month
            </p>
          </Card>
          <Card title="Solver">
            <p className="text-lg font-semibold" data-testid="solver">
              {view.solver === "exact" ? "Exact (HiGHS)" : "Heuristic"}
            </p>
            <p className="mt-1 text-xs text-muted">
              {view.solver === "exact"
                ? view.optimal
                  ? "Proven optimal"
                  : "Stopped at the time limit"
                : "Greedy and local search"}
              {view.gap !== null && ` · gap ${(view.gap * 100).toFixed(view.gap < 0.001 ? 2 : 1)} %`} ·{" "}
              {Math.round(view.solveMs)} ms
            </p>
          </Card>
        </div>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Card title="On the map">
            <PlacementMap view={view} />
          </Card>
          <Card
            title={`Moves (${view.moves.length})`}
            actions={
              view.moves.length > 0 && can(user.role, "placement.plan") ? <SavePlanButton whatIf={whatIf} /> : undefined
            }
          >
            {view.moves.length === 0 ? (
              <p className="text-sm text-muted" data-testid="no-moves">
                Every replica is where it should be: no move gains enough to be worth making.
              </p>
            ) : (
              <MoveList moves={view.moves} />
            )}
            {(view.newPlacements > 0 || view.stranded > 0) && (
              <p className="mt-3 text-xs text-muted">
                {view.newPlacements > 0 &&
                  `${view.newPlacements} new replica(s) to create where the plan places them. `}
                {view.stranded > 0 &&
                  `${view.stranded} replica(s) break a rule where they run but no site can take them: they stay until an operator acts.`}
              </p>
            )}
          </Card>
        </div>
        <Card title="Current and proposed placement">
          <PlacementTable workloads={view.workloads} />
        </Card>
        <Card title="What if">
          <WhatIfForm context={context} />
        </Card>
      </div>
    </>
  );
}
