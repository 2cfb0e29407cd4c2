// Current placement against the proposed one, one row per workload: where its replicas run now and
// where the plan puts them.
import type { WorkloadRow } from "@/lib/placement/plans/view";

const TH = "px-2 py-2 text-left text-xs font-medium uppercase tracking-wide text-muted";
const TD = "px-2 py-2 align-top text-sm";

function Spread({ counts }: { counts: WorkloadRow["now"] }) {
  if (counts.length === 0) return <span className="text-muted">none</span>;
  return <>{counts.map((c) => `${c.name}${c.count > 1 ? ` ×${c.count}` : ""}`).join(", ")}</>;
}

export function PlacementTable({ workloads }: { workloads: WorkloadRow[] }) {
  return (
    <div className="-mx-4 overflow-x-auto sm:mx-0">
      <table className="w-full min-w-[520px] border-collapse" aria-label="Current and proposed placement">
        <thead>
          <tr className="border-b border-border">
            <th className={TH}>Workload</th>
            <th className={TH}>Now</th>
            <th className={TH}>After the plan</th>
          </tr>
        </thead>
        <tbody>
          {workloads.map((w) => {
            const same = JSON.stringify(w.now) === JSON.stringify(w.after);
            return (
              <tr key={w.id} className="border-b border-border last:border-0">
                <td className={TD}>
                  <span className="font-medium">{w.name}</span>
                  <span className="block text-xs text-muted">
                    {w.subject} · {w.desired} replica{w.desired === 1 ? "" : "s"} wanted
                  </span>
                </td>
                <td className={TD}>
                  <Spread counts={w.now} />
                </td>
                <td className={`${TD} ${same ? "text-muted" : "font-medium"}`}>
                  {same ? "unchanged" : <Spread counts={w.after} />}
                  {w.unplaced > 0 && (
                    <span className="block text-xs text-warn">{w.unplaced} cannot be placed anywhere</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
