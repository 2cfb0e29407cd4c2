"use client";
// The one wrapper over recharts for time series: theme colours, round time ticks and a percent or
// plain value axis. Callers pass numbers; the tick and tooltip text is made here.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatTimeTick, niceMax, timeTicks } from "@/lib/charts/axis";

export interface Series {
  key: string;
  label: string;
  /** A theme token, e.g. "var(--color-accent)". */
  color: string;
}

export type Point = { t: number } & Record<string, number | null>;

export function TimeSeriesChart({
  data,
  series,
  from,
  to,
  percent = true,
  height = 220,
  label,
}: {
  data: Point[];
  series: Series[];
  from: number;
  to: number;
  percent?: boolean;
  height?: number;
  label: string;
}) {
  const span = to - from;
  const max = percent ? 100 : niceMax(Math.max(0, ...data.flatMap((p) => series.map((s) => p[s.key] ?? 0))));
  const valueText = (value: number): string => (percent ? `${value}\u00a0%` : String(value));
  return (
    <figure aria-label={label} className="w-full">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[from, to]}
            ticks={timeTicks(from, to)}
            tickFormatter={(t: number) => formatTimeTick(t, span)}
            stroke="var(--color-muted)"
            fontSize={11}
          />
          <YAxis domain={[0, max]} tickFormatter={valueText} stroke="var(--color-muted)" fontSize={11} width={56} />
          <Tooltip
            labelFormatter={(t) =>
              new Date(Number(t)).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
            }
            formatter={(value) => (typeof value === "number" ? valueText(value) : "–")}
            contentStyle={{ background: "var(--color-surface)", border: "1px solid var(--color-border)", fontSize: 12 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
