import Link from "next/link";
import { Usd } from "@/components/earnings/money";
import { PLAN_STATUS } from "@/components/placement/plan-status";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { FormattedDate } from "@/components/ui/formatted-date";
import { requirePermission } from "@/lib/auth/session";
import { listPlans } from "@/lib/placement/plans/queries";

export const metadata = { title: "Placement plans" };

export default async function PlansPage() {
  await requirePermission("placement.view");
  const plans = await listPlans();
  return (
    <>
      <div className="mb-2">
        <Link href="/placement" className="text-sm text-accent hover:underline">
          ← Planner
        </Link>
      </div>
      <PageHeader
        title="Placement plans"
        description="Saved plans, newest first: dry runs until applied move by move or put to a vote."
      />
      {plans.length === 0 ? (
        <Card>
          <p className="text-sm text-muted">
            No plan has been saved yet. Compute one on the{" "}
            <Link href="/placement" className="text-accent hover:underline">
              planner
            </Link>{" "}
            and save it to apply its moves or put it to a vote.
          </p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="plan-list">
          {plans.map((p) => {
            const status = PLAN_STATUS[p.status];
            return (
              <li key={p.id}>
                <Link
                  href={`/placement/plans/${p.id}`}
                  className="block rounded-lg border border-border bg-surface p-4 hover:bg-bg focus-visible:outline-2 focus-visible:outline-accent"
                >
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium">
                      <FormattedDate value={p.createdAt} />{" "}
                      <span className="text-sm font-normal text-muted">by {p.createdBy}</span>
                    </span>
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </div>
                  <p className="mt-1 text-sm text-muted">
                    {p.moves === 1 ? "1 move" : `${p.moves} moves`}
                    {p.done > 0 && ` · ${p.done} done`}
                    {p.failed > 0 && <span className="text-danger"> · {p.failed} failed</span>} · net{" "}
                    <Usd value={p.netBeforeUsd} /> → <Usd value={p.netAfterUsd} /> per month
                    {p.proposal && ` · vote ${p.proposal.status}`}
                  </p>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
