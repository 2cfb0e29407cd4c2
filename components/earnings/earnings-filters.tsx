import { buttonClass } from "@/components/ui/button";
import type { EarningsFilter } from "@/lib/earnings/report-types";

const CONTROL = "min-h-10 rounded-md border border-border bg-surface px-3 text-sm";

/** A plain GET form: the filters live in the URL, so a view can be shared and works without JS. */
export function EarningsFilters({
  filter,
  clusters,
  networks,
}: {
  filter: EarningsFilter;
  clusters: Array<{ id: string; name: string }>;
  networks: Array<{ id: string; name: string }>;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Earnings filters">
      <label className="space-y-1 text-sm">
        <span className="block font-medium">From</span>
        <input type="date" name="from" defaultValue={filter.from} className={CONTROL} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">To</span>
        <input type="date" name="to" defaultValue={filter.to} className={CONTROL} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Cluster</span>
        <select name="cluster" defaultValue={filter.clusterIds[0] ?? ""} className={CONTROL}>
          <option value="">All clusters</option>
          {clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Network</span>
        <select name="network" defaultValue={filter.networkIds[0] ?? ""} className={CONTROL}>
          <option value="">All networks</option>
          {networks.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Group by</span>
        <select name="by" defaultValue={filter.granularity} className={CONTROL}>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
    </form>
  );
}
