import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Usd } from "@/components/earnings/money";
import { LiveRefresh } from "@/components/layout/live-refresh";
import { MoveCard } from "@/components/placement/move-card";
import { PlanButtons } from "@/components/placement/plan-buttons";
import { PLAN_STATUS } from "@/components/placement/plan-status";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FormattedDate } from "@/components/ui/formatted-date";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { planLockReason } from "@/lib/placement/plans/lock";
import { getPlan } from "@/lib/placement/plans/queries";

export const metadata = { title: "Placement plan" };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("placement.view");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const plan = await getPlan(id.data);
  if (!plan) notFound();

  const canApply = can(user.role, "placement.apply");
  const locked = planLockReason(plan);
  const status = PLAN_STATUS[plan.status];
  const count = (s: string) => plan.moves.filter((m) => m.status === s).length;
  const pending = count("pending");
  const gain = plan.moves.reduce((sum, m) => sum + m.gainMonthlyUsd, 0);
  const anyRunning = count("running") > 0;
  const phases = [...new Set(plan.moves.map((m) => m.phase))];
  const showPhases = plan.proposal !== null && phases.length > 0;

  return (
    <>
      {/* The worker applies or follows moves on its own: keep the page current meanwhile. */}
      {(anyRunning || plan.status === "applying" || plan.proposal?.status === "implementing") && (
        <LiveRefresh intervalMs={3_000} />
      )}
      <div className="mb-6 space-y-2">
        <Link href="/placement/plans" className="text-sm text-accent hover:underline">
          ← Plans
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Placement plan</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={status.tone}>
            <span data-testid="plan-status">{status.label}</span>
          </Badge>
          <span className="text-muted">
            saved <FormattedDate value={plan.createdAt} /> by {plan.createdBy} · {plan.solver} solver
            {plan.gap !== null && plan.gap > 0 && ` (within ${(plan.gap * 100).toFixed(1)} % of the bound)`}
          </span>
        </div>
      </div>

      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[1fr_20rem] lg:items-start">
        <div className="order-2 space-y-4 lg:order-1">
          {plan.moves.length === 0 ? (
            <Card>
              <p className="text-sm text-muted">
                This plan has no moves: the current placement is already the best one found.
              </p>
            </Card>
          ) : (
            (showPhases ? phases : [null]).map((phase) => (
              <section key={phase ?? "all"} aria-label={phase === null ? "Moves" : `Phase ${phase}`}>
                {phase !== null && (
                  <h2 className="mb-2 text-base font-semibold">
                    Phase {phase}
                    {plan.proposal?.phases[phase - 1] && (
                      <span className="text-sm font-normal text-muted">
                        {" "}
                        · {plan.proposal.phases[phase - 1]?.name} · from{" "}
                        <FormattedDate value={plan.proposal.phases[phase - 1]?.startsAt ?? plan.createdAt} />
                        {plan.proposal.phases[phase - 1]?.completedAt && " · done"}
                      </span>
                    )}
                  </h2>
                )}
                <ol className="space-y-3">
                  {plan.moves
                    .filter((m) => phase === null || m.phase === phase)
                    .map((m) => (
                      <MoveCard
                        key={m.id}
                        move={m}
                        clusterNames={plan.clusterNames}
                        canApply={canApply}
                        locked={locked}
                      />
                    ))}
                </ol>
              </section>
            ))
          )}
        </div>

        <div className="order-1 space-y-4 lg:order-2">
          <Card title="Totals">
            <dl className="grid grid-cols-2 gap-3 text-sm">
              <div>
                <dt className="text-xs text-muted">Net now</dt>
                <dd>
                  <Usd value={plan.netBeforeUsd} />
                  /mo
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted">Net after</dt>
                <dd className="font-medium">
                  <Usd value={plan.netAfterUsd} />
                  /mo
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted">Gain of the moves</dt>
                <dd className="text-ok">
                  +<Usd value={gain} />
                  /mo
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted">Moves</dt>
                <dd data-testid="plan-counts">
                  {plan.moves.length} · {count("succeeded")} moved
                  {count("failed") > 0 && <span className="text-danger"> · {count("failed")} failed</span>}
                  {count("skipped") > 0 && ` · ${count("skipped")} skipped`}
                </dd>
              </div>
            </dl>
          </Card>
          {plan.proposal && (
            <Card title="Vote">
              <p className="text-sm">
                <Link
                  href={`/governance/${plan.proposal.id}`}
                  className="text-accent hover:underline"
                  data-testid="proposal-link"
                >
                  {plan.proposal.title}
                </Link>
              </p>
              <p className="mt-1 text-sm text-muted">
                {plan.proposal.status === "open" ? (
                  <>
                    Open until <FormattedDate value={plan.proposal.closesAt} />
                  </>
                ) : (
                  `The vote is ${plan.proposal.status}.`
                )}
              </p>
            </Card>
          )}
          {locked && <p className="text-sm text-muted">{locked}</p>}
          {canApply && !locked && (
            <PlanButtons
              planId={plan.id}
              pending={pending}
              canApplyAll={pending > 0 && count("failed") === 0}
              canPropose={
                plan.status === "draft" &&
                plan.proposal === null &&
                plan.moves.length > 0 &&
                pending === plan.moves.length &&
                can(user.role, "governance.propose")
              }
            />
          )}
          {!canApply && (
            <p className="text-sm text-muted">Operators and admins apply plans; you can follow their progress here.</p>
          )}
        </div>
      </div>
    </>
  );
}
