"use client";
// The earnings charts. components/charts/time-series-chart.tsx draws line series over a time axis;
// these are bars (stacked, per cluster, against a target band), so they are their own small
// recharts components, sharing its axis helper and theme tokens. Values are USD numbers; the
// text is formatted here, in the reader's locale.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { niceMax } from "@/lib/charts/axis";
import type { BandMonth, BandStatus, EarningsView } from "@/lib/earnings/report";
import { formatUsd } from "@/lib/format/money";
import { colorAt } from "./palette";

const GRID = "var(--color-border)";
const AXIS = "var(--color-muted)";
const TOOLTIP_STYLE = { background: "var(--color-surface)", border: "1px solid var(--color-border)", fontSize: 12 };
const money = (value: unknown) => (typeof value === "number" ? formatUsd(value) : "–");
const tick = (value: number) => formatUsd(value, { compact: true });

function bucketLabel(bucket: string, granularity: "day" | "week" | "month"): string {
  const date = new Date(`${bucket.length === 7 ? `${bucket}-01` : bucket}T00:00:00Z`);
  return granularity === "month"
    ? date.toLocaleDateString(undefined, { month: "short", year: "2-digit", timeZone: "UTC" })
    : date.toLocaleDateString(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
}

export function RevenueByNetworkChart({
  view,
  networks,
  granularity,
}: {
  view: EarningsView;
  networks: Array<{ id: string; name: string }>;
  granularity: "day" | "week" | "month";
}) {
  const shown = networks.filter((n) => view.stacked.some((row) => typeof row[n.id] === "number"));
  return (
    <figure aria-label="Revenue by network over time" className="w-full">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={view.stacked} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="bucket"
            tickFormatter={(b: string) => bucketLabel(b, granularity)}
            stroke={AXIS}
            fontSize={11}
            minTickGap={12}
          />
          <YAxis tickFormatter={tick} stroke={AXIS} fontSize={11} width={56} />
          <Tooltip
            labelFormatter={(b) => bucketLabel(String(b), granularity)}
            formatter={money}
            contentStyle={TOOLTIP_STYLE}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {shown.map((n) => (
            <Bar
              key={n.id}
              dataKey={n.id}
              name={n.name}
              stackId="revenue"
              fill={colorAt(networks.findIndex((x) => x.id === n.id))}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function ClusterBarsChart({
  view,
  metric,
  label,
}: {
  view: EarningsView;
  metric: "revenueUsd" | "netUsd";
  label: string;
}) {
  const data = view.clusters.map((c) => ({ name: c.name, value: c[metric] }));
  const values = data.map((d) => d.value ?? 0);
  // Round bounds so the ticks read as round amounts; a loss extends the axis below zero.
  const domain = [Math.min(0, ...values) < 0 ? -niceMax(-Math.min(...values)) : 0, niceMax(Math.max(0, ...values))];
  return (
    <figure aria-label={label} className="w-full">
      <ResponsiveContainer width="100%" height={Math.max(160, data.length * 34 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={domain} tickFormatter={tick} stroke={AXIS} fontSize={11} />
          <YAxis type="category" dataKey="name" stroke={AXIS} fontSize={11} width={96} />
          <Tooltip formatter={money} contentStyle={TOOLTIP_STYLE} />
          <Bar dataKey="value" name={label} isAnimationActive={false}>
            {data.map((d) => (
              <Cell
                key={d.name}
                fill={d.value !== null && d.value < 0 ? "var(--color-danger)" : "var(--color-accent)"}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

const STATUS_FILL: Record<BandStatus, string> = {
  below: "var(--color-danger)",
  within: "var(--color-ok)",
  above: "var(--color-accent)",
  none: "var(--color-muted)",
  partial: "var(--color-muted)",
  unpriced: "var(--color-warn)",
};

/** Monthly revenue as bars against a shaded target band (a tier's, or a network's range). */
export function BandChart({
  months,
  min,
  max,
  label,
}: {
  months: BandMonth[];
  min: number | null;
  max: number | null;
  label: string;
}) {
  const top = niceMax(Math.max(max ?? 0, ...months.map((m) => m.revenueUsd)) * 1.1);
  return (
    <figure aria-label={label} className="w-full">
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={months} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
          {min !== null && max !== null && (
            <ReferenceArea
              y1={min}
              y2={max}
              fill="var(--color-ok)"
              fillOpacity={0.12}
              stroke="var(--color-ok)"
              strokeOpacity={0.4}
              ifOverflow="extendDomain"
            />
          )}
          <XAxis
            dataKey="month"
            tickFormatter={(m: string) => bucketLabel(m, "month")}
            stroke={AXIS}
            fontSize={10}
            minTickGap={4}
          />
          <YAxis domain={[0, top]} tickFormatter={tick} stroke={AXIS} fontSize={10} width={48} />
          <Tooltip
            labelFormatter={(m) => bucketLabel(String(m), "month")}
            formatter={money}
            contentStyle={TOOLTIP_STYLE}
          />
          <Bar dataKey="revenueUsd" name="Revenue" isAnimationActive={false}>
            {months.map((m) => (
              <Cell key={m.month} fill={STATUS_FILL[m.status]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
