"use client";
import { useState } from "react";
import { TimeSeriesChart, type Point } from "@/components/charts/time-series-chart";
import { toPercentSeries } from "@/lib/charts/axis";

export interface HistoryInput {
  t: number;
  cpuUsed: number | null;
  cpuTotal: number | null;
  memUsed: number | null;
  memTotal: number | null;
}

const RANGES = { "24h": { label: "24 hours", ms: 86_400_000 }, "7d": { label: "7 days", ms: 7 * 86_400_000 } } as const;
type Range = keyof typeof RANGES;

function toPoints(history: HistoryInput[]): Point[] {
  const cpu = toPercentSeries(
    history,
    (p) => p.cpuUsed,
    (p) => p.cpuTotal,
  );
  const mem = toPercentSeries(
    history,
    (p) => p.memUsed,
    (p) => p.memTotal,
  );
  return history.map((p, i) => ({ t: p.t, cpu: cpu[i]?.value ?? null, mem: mem[i]?.value ?? null }));
}

/** CPU and memory of the cluster as a share of what its online nodes have, over a day or a week. */
export function UsageHistory({ day, week, now }: { day: HistoryInput[]; week: HistoryInput[]; now: number }) {
  const [range, setRange] = useState<Range>("24h");
  const data = range === "24h" ? day : week;
  return (
    <div>
      <div role="group" aria-label="Time range" className="mb-3 inline-flex rounded-md border border-border text-sm">
        {(Object.keys(RANGES) as Range[]).map((key) => (
          <button
            key={key}
            type="button"
            aria-pressed={range === key}
            onClick={() => setRange(key)}
            className="min-h-9 px-3 aria-pressed:bg-bg aria-pressed:font-semibold"
          >
            {RANGES[key].label}
          </button>
        ))}
      </div>
      {data.length === 0 ? (
        <p className="text-sm text-muted">No history yet: it builds up with every sync.</p>
      ) : (
        <TimeSeriesChart
          label={`CPU and memory over ${RANGES[range].label}`}
          data={toPoints(data)}
          from={now - RANGES[range].ms}
          to={now}
          series={[
            { key: "cpu", label: "CPU", color: "var(--color-accent)" },
            { key: "mem", label: "Memory", color: "var(--color-ok)" },
          ]}
        />
      )}
    </div>
  );
}
