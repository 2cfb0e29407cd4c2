import { Badge } from "@/components/ui/badge";
import type { EarningsView } from "@/lib/earnings/report";
import { Count, Usd } from "./money";

const TH = "px-2 py-2 text-left text-xs font-medium uppercase tracking-wide text-muted";
const TD = "px-2 py-2 text-sm";

/** The numbers behind the charts, per cluster, for the period shown. */
export function EarningsTable({ view }: { view: EarningsView }) {
  // Under a network filter there is no per-network electricity (see buildView): say so.
  const missing = view.electricityShown ? "not converted" : "not per network";
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[560px] border-collapse" aria-label="Earnings by cluster">
        <thead>
          <tr className="border-b border-border">
            <th className={TH}>Cluster</th>
            <th className={TH}>Tier</th>
            <th className={`${TH} text-right`}>Revenue</th>
            <th className={`${TH} text-right`}>Electricity</th>
            <th className={`${TH} text-right`}>Net</th>
            <th className={TH}>Target</th>
          </tr>
        </thead>
        <tbody>
          {view.clusters.map((c) => (
            <tr key={c.clusterId} className="border-b border-border last:border-0">
              <td className={TD}>
                {c.name}
                {c.unpriced > 0 && (
                  <span className="ml-2">
                    <Badge tone="warn">
                      <Count value={c.unpriced} />
                      &nbsp;unpriced
                    </Badge>
                  </span>
                )}
              </td>
              <td className={TD}>{c.tier}</td>
              <td className={`${TD} text-right`}>
                <Usd value={c.revenueUsd} />
              </td>
              <td className={`${TD} text-right`}>
                <Usd value={c.electricityUsd} empty={missing} />
              </td>
              <td className={`${TD} text-right`}>
                <Usd value={c.netUsd} empty={missing} />
              </td>
              <td className={TD}>
                {c.monthsBelow > 0 ? (
                  <Badge tone="danger">{`${c.monthsBelow} of ${c.monthsJudged} months below`}</Badge>
                ) : c.monthsJudged === 0 ? (
                  <Badge>no whole month</Badge>
                ) : (
                  <Badge tone="ok">on target</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
