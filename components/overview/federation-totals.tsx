import { ResourceUsageBars } from "@/components/state/usage-bar";
import type { FederationTotals } from "@/lib/state/summary";

function Stat({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: React.ReactNode;
  testId: string;
}) {
  return (
    <div className="rounded-lg border border-border bg-surface p-4" data-testid={testId}>
      <p className="text-xs font-medium text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {detail && <p className="mt-1 text-xs text-muted">{detail}</p>}
    </div>
  );
}

export function FederationTotalsView({ totals }: { totals: FederationTotals }) {
  const { clusters, usage } = totals;
  return (
    <section aria-label="Federation totals" className="space-y-3">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          testId="total-clusters"
          label="Clusters up"
          value={`${clusters.healthy} of ${clusters.total}`}
          detail={
            <>
              <span className={clusters.degraded ? "text-warn" : undefined}>{clusters.degraded} degraded</span> ·{" "}
              <span className={clusters.down ? "text-danger" : undefined}>{clusters.down} down</span>
              {clusters.unknown > 0 && ` · ${clusters.unknown} not synced`}
            </>
          }
        />
        <Stat testId="total-nodes" label="Nodes online" value={`${usage.nodes.online} of ${usage.nodes.total}`} />
        <Stat testId="total-guests" label="Guests running" value={`${usage.guests.running} of ${usage.guests.total}`} />
        <div
          className="col-span-2 space-y-3 rounded-lg border border-border bg-surface p-4 lg:col-span-1"
          data-testid="total-usage"
        >
          <ResourceUsageBars usage={usage} />
        </div>
      </div>
    </section>
  );
}
