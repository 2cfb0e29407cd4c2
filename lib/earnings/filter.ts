// The earnings page's URL → filter, pure: unknown or malformed values fall back to the last 12
// months (from the first of the month), all clusters and networks, by month.
import type { EarningsFilter, Granularity } from "./report-types";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function list(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).filter((v) => v.length > 0);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseFilter(params: Record<string, string | string[] | undefined>, today: Date): EarningsFilter {
  const to = first(params.to);
  const from = first(params.from);
  const end = to && DAY.test(to) && !Number.isNaN(Date.parse(to)) ? to : today.toISOString().slice(0, 10);
  // Twelve months that start on a month boundary (the current one to date and the eleven before),
  // so no month is cut in two and whole months come from the monthly rollup.
  const endDate = new Date(`${end}T00:00:00Z`);
  const startDefault = new Date(Date.UTC(endDate.getUTCFullYear(), endDate.getUTCMonth() - 11, 1));
  let start =
    from && DAY.test(from) && !Number.isNaN(Date.parse(from)) ? from : startDefault.toISOString().slice(0, 10);
  if (start > end) start = end;
  const by = first(params.by);
  const granularity: Granularity = by === "day" || by === "week" || by === "month" ? by : "month";
  return {
    from: start,
    to: end,
    clusterIds: list(params.cluster).filter((id) => UUID.test(id)),
    networkIds: list(params.network).filter((id) => /^[a-z0-9-]{1,40}$/.test(id)),
    granularity,
  };
}
