// The planner's "what if": clusters taken out (maintenance, evacuation), a site's electricity price
// and a reward rate changed. Carried in the URL (?exclude=<id>&price.<id>=0.3&rate.network:helium=400)
// so a what-if is a link anyone can open, and parsed here leniently: a value that does not parse is
// dropped, never an error page. The save action validates the same shape with whatIfSchema.
import { z } from "zod";

export interface WhatIf {
  excludedClusterIds: string[];
  /** clusterId → price per kWh in the site's own currency. */
  electricityPrice: Record<string, number>;
  /** subject ("network:<id>" | "service:<kind>") → USD a month per replica, for every region. */
  rewardRates: Record<string, number>;
}

export const EMPTY_WHAT_IF: WhatIf = { excludedClusterIds: [], electricityPrice: {}, rewardRates: {} };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SUBJECT = /^(network:[a-z0-9][a-z0-9-]{0,39}|service:[a-z_]{1,40})$/;
const MAX_PRICE = 100;
const MAX_RATE = 1_000_000;

export const whatIfSchema = z.object({
  excludedClusterIds: z.array(z.uuid()).max(1000).default([]),
  electricityPrice: z.record(z.uuid(), z.number().min(0).max(MAX_PRICE)).default({}),
  rewardRates: z.record(z.string().regex(SUBJECT), z.number().min(0).max(MAX_RATE)).default({}),
});

function number(value: string, max: number): number | null {
  if (value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= max ? n : null;
}

export function parseWhatIf(params: Record<string, string | string[] | undefined>): WhatIf {
  const out: WhatIf = { excludedClusterIds: [], electricityPrice: {}, rewardRates: {} };
  for (const [key, raw] of Object.entries(params)) {
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (key === "exclude") {
      for (const v of values)
        if (UUID.test(v) && !out.excludedClusterIds.includes(v.toLowerCase()))
          out.excludedClusterIds.push(v.toLowerCase());
    } else if (key.startsWith("price.")) {
      const id = key.slice("price.".length).toLowerCase();
      const value = number(values.at(-1) ?? "", MAX_PRICE);
      if (UUID.test(id) && value !== null) out.electricityPrice[id] = value;
    } else if (key.startsWith("rate.")) {
      const subject = key.slice("rate.".length);
      const value = number(values.at(-1) ?? "", MAX_RATE);
      if (SUBJECT.test(subject) && value !== null) out.rewardRates[subject] = value;
    }
  }
  out.excludedClusterIds.sort();
  return out;
}

export function whatIfToSearchParams(whatIf: WhatIf): URLSearchParams {
  const params = new URLSearchParams();
  for (const id of whatIf.excludedClusterIds) params.append("exclude", id);
  for (const [id, price] of Object.entries(whatIf.electricityPrice)) params.set(`price.${id}`, String(price));
  for (const [subject, rate] of Object.entries(whatIf.rewardRates)) params.set(`rate.${subject}`, String(rate));
  return params;
}

export function isEmptyWhatIf(whatIf: WhatIf): boolean {
  return (
    whatIf.excludedClusterIds.length === 0 &&
    Object.keys(whatIf.electricityPrice).length === 0 &&
    Object.keys(whatIf.rewardRates).length === 0
  );
}
