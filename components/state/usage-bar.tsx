import { formatBytesOf, formatCpus, formatPercent, ratio } from "@/lib/format/units";
import type { ClusterUsage } from "@/lib/state/summary";

/** A labelled meter: "CPU  3.2 of 16 CPUs  20 %", warning from 80 %, danger from 90 %. */
export function UsageBar({ label, used, total, text }: { label: string; used: number; total: number; text: string }) {
  const share = ratio(used, total);
  const tone = share >= 0.9 ? "bg-danger" : share >= 0.8 ? "bg-warn" : "bg-accent";
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium">{label}</span>
        <span className="truncate text-muted">
          {text} · {formatPercent(share)}
        </span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        className="h-1.5 overflow-hidden rounded-full bg-border"
      >
        <div className={`h-full ${tone}`} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

/** The three resource meters a cluster or the federation shows: CPU, memory and storage. */
export function ResourceUsageBars({ usage }: { usage: Pick<ClusterUsage, "cpu" | "mem" | "storage"> }) {
  return (
    <>
      <UsageBar
        label="CPU"
        used={usage.cpu.used}
        total={usage.cpu.total}
        text={formatCpus(usage.cpu.used, usage.cpu.total)}
      />
      <UsageBar
        label="Memory"
        used={usage.mem.used}
        total={usage.mem.total}
        text={formatBytesOf(usage.mem.used, usage.mem.total)}
      />
      <UsageBar
        label="Storage"
        used={usage.storage.used}
        total={usage.storage.total}
        text={formatBytesOf(usage.storage.used, usage.storage.total)}
      />
    </>
  );
}
