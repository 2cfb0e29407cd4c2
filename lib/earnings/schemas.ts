import { z } from "zod";
import { API_SCOPES } from "./api-keys";

export const createApiKeyInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after the script that uses it.")
    .max(80, "Keep the name under 80 characters."),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope."),
});
export const revokeApiKeyInputSchema = z.object({ keyId: z.uuid("Unknown key.") });

export const addNetworkInputSchema = z.object({
  id: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Use lower-case letters, digits and dashes."),
  name: z.string().trim().min(1, "Enter a name.").max(60),
  defaultSymbol: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9._-]{1,16}$/, "Enter a token symbol such as HNT."),
  monthlyMinUsd: z.coerce.number().min(0).optional(),
  monthlyMaxUsd: z.coerce.number().min(0).optional(),
});

// The manual form sends the same fields a CSV row has; lib/earnings/validate.ts checks them.
export const manualEntryInputSchema = z.object({
  cluster: z.string().max(200),
  network: z.string().max(100),
  date: z.string().max(40),
  amount: z.string().max(60),
  symbol: z.string().max(20).optional(),
  workload: z.string().max(250).optional(),
  externalId: z.string().max(250).optional(),
});

// An empty form field is "not given", not zero.
const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().pipe(schema).optional());

// A day's electricity as a bill (in the cluster's currency) or as the energy measured that day,
// which the cluster's price per kWh turns into a cost: one of the two.
export const electricityCostInputSchema = z
  .object({
    clusterId: z.uuid("Choose a cluster."),
    day: z.iso.date("Enter a day as YYYY-MM-DD."),
    // "cost", not "amount": the revenue form on the same page has an "amount" field, and names
    // are the fields' ids.
    cost: optionalNumber(
      z.number().min(0, "A cost cannot be negative.").max(1_000_000, "That is more than any site pays a day."),
    ),
    kwh: optionalNumber(
      z.number().min(0, "Energy cannot be negative.").max(10_000_000, "That is more than any site draws a day."),
    ),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.cost === undefined) === (input.kwh === undefined)) {
      ctx.addIssue({ code: "custom", path: ["cost"], message: "Enter either the cost or the measured kWh." });
    }
  });
