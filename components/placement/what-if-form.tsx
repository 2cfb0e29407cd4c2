// "What if": exclude sites, change a site's electricity price, change a reward rate. A plain GET
// form: the what-if lives in the URL, so submitting recomputes the plan (even before the page has
// hydrated on a slow phone) and the result is a link to share. Empty fields change nothing.
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import type { PlacementContext } from "@/lib/placement/plans/load";
import { subjectLabel } from "@/lib/placement/workloads/subjects";

export function WhatIfForm({ context }: { context: PlacementContext }) {
  const { whatIf } = context;
  const networkNames = new Map(context.networks.map((n) => [n.id, n.name]));
  const subjects = [...new Set(context.workloads.map((w) => w.subject))].sort();
  const priced = Object.keys(whatIf.electricityPrice).length > 0;
  const rated = Object.keys(whatIf.rewardRates).length > 0;

  return (
    <form method="get" action="/placement" className="space-y-4" aria-label="What if">
      <fieldset>
        <legend className="text-sm font-semibold">Exclude sites</legend>
        <p className="text-xs text-muted">
          For maintenance or an evacuation: nothing is placed there and what runs there moves.
        </p>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {context.clusters.map((c) => (
            <label key={c.id} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" name="exclude" value={c.id} defaultChecked={c.excluded} className="size-4" />
              {c.name}
              {c.maintenance && <span className="text-xs text-muted">(in maintenance)</span>}
            </label>
          ))}
        </div>
      </fieldset>
      <details open={priced} className="rounded-md border border-border p-3">
        <summary className="cursor-pointer text-sm font-semibold">Electricity prices</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {context.clusters.map((c) => (
            <div key={c.id} className="space-y-1">
              <label htmlFor={`price-${c.id}`} className="block text-sm font-medium">
                {c.name} ({c.currency} per kWh)
              </label>
              <input
                id={`price-${c.id}`}
                name={`price.${c.id}`}
                inputMode="decimal"
                className={controlClass}
                placeholder={String(c.storedElectricityPrice)}
                defaultValue={whatIf.electricityPrice[c.id] ?? ""}
              />
            </div>
          ))}
        </div>
      </details>
      <details open={rated} className="rounded-md border border-border p-3">
        <summary className="cursor-pointer text-sm font-semibold">Reward rates</summary>
        <p className="mt-2 text-xs text-muted">
          USD a month per replica, everywhere: replaces the ledger and the rate table for that network or service.
        </p>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {subjects.map((subject) => (
            <div key={subject} className="space-y-1">
              <label htmlFor={`rate-${subject}`} className="block text-sm font-medium">
                {subjectLabel(subject, networkNames)} (USD a month per replica)
              </label>
              <input
                id={`rate-${subject}`}
                name={`rate.${subject}`}
                inputMode="decimal"
                className={controlClass}
                placeholder="as estimated"
                defaultValue={whatIf.rewardRates[subject] ?? ""}
              />
            </div>
          ))}
        </div>
      </details>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Recompute
        </button>
        <Link href="/placement" className={buttonClass("secondary")}>
          Reset
        </Link>
      </div>
    </form>
  );
}
