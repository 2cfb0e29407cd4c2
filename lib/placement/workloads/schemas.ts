// Input validation for workloads, guest assignment and the reward-rate table. Values arrive from
// forms as strings (numbers coerced, empty optional fields null) or from tests as plain values.
import { z } from "zod";
import { WORKLOAD_SERVICES } from "./subjects";

const empty = (value: unknown) => value === "" || value === undefined || value === null;

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => (empty(value) ? null : value),
    z.coerce.number(message).int(message).min(min, message).max(max, message).nullable(),
  );
const optionalNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => (empty(value) ? null : value),
    z.coerce.number(message).min(min, message).max(max, message).nullable(),
  );
const int = (min: number, max: number, message: string) =>
  z.coerce.number(message).int(message).min(min, message).max(max, message);
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/** A list from a form's "FR, DE" text or a multi-select's array. */
const list = (item: z.ZodType<string>) =>
  z.preprocess((value) => {
    if (empty(value)) return [];
    if (typeof value === "string") return value.split(/[\s,;]+/).filter(Boolean);
    return value;
  }, z.array(item));

export const workloadIdSchema = z.uuid("Unknown workload.");

// Proxmox tags: letters, digits and - _ + . (no spaces or commas); compared in lower case.
export const proxmoxTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_][a-z0-9_+.-]{0,59}$/, "A Proxmox tag is letters, digits and - _ + . (no spaces), e.g. sov-helium.");

const workloadFields = z.object({
  name: z.string().trim().min(1, "Name the workload.").max(80, "Keep the name under 80 characters."),
  // Exactly one of the two (checked below): the network it earns on, or the service it provides.
  networkId: z.preprocess((value) => (empty(value) ? null : value), z.string().trim().max(40).nullable()),
  service: z.preprocess(
    (value) => (empty(value) ? null : value),
    z.enum(WORKLOAD_SERVICES, { message: "Choose a service." }).nullable(),
  ),
  tag: z.preprocess((value) => (empty(value) ? null : value), proxmoxTagSchema.nullable()),
  vcpu: int(1, 512, "vCPU per replica is a whole number from 1 to 512."),
  memoryMb: int(64, 4_194_304, "Memory per replica is 64 MiB to 4 TiB, in MiB."),
  diskGb: int(0, 1_000_000, "Disk per replica is 0 to 1,000,000 GiB."),
  gpu: checkbox,
  replicas: int(1, 100, "Replicas is a whole number from 1 to 100."),
  priority: int(0, 100, "Priority is 0 to 100 (higher places first when capacity is short)."),
  allowedCountries: list(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Use two-letter country codes (ISO 3166-1), e.g. FR, DE."),
  ).pipe(z.array(z.string()).max(60, "List at most 60 countries.")),
  minSpreadKm: optionalInt(1, 20_000, "The spread is 1 to 20,000 km; leave it empty for none."),
  distinctRegions: checkbox,
  pinnedClusterIds: list(z.uuid("Unknown cluster.")),
  excludedClusterIds: list(z.uuid("Unknown cluster.")),
  latencyLatitude: optionalNumber(-90, 90, "Latitude is between -90 and 90."),
  latencyLongitude: optionalNumber(-180, 180, "Longitude is between -180 and 180."),
  maxLatencyMs: optionalInt(1, 10_000, "The latency bound is 1 to 10,000 ms."),
});

type WorkloadFields = z.infer<typeof workloadFields>;

function checkWorkload(value: WorkloadFields, ctx: z.RefinementCtx): void {
  if ((value.networkId === null) === (value.service === null)) {
    ctx.addIssue({
      code: "custom",
      path: ["networkId"],
      message: "Choose either the network it earns on or the service it provides.",
    });
  }
  const latency = [value.latencyLatitude, value.latencyLongitude, value.maxLatencyMs];
  const given = latency.filter((v) => v !== null).length;
  if (given !== 0 && given !== 3) {
    ctx.addIssue({
      code: "custom",
      path: ["maxLatencyMs"],
      message: "A latency bound needs a point (latitude and longitude) and a maximum in ms, or none of the three.",
    });
  }
  const overlap = value.pinnedClusterIds.filter((id) => value.excludedClusterIds.includes(id));
  if (overlap.length > 0)
    ctx.addIssue({
      code: "custom",
      path: ["excludedClusterIds"],
      message: "A cluster cannot be both pinned and excluded.",
    });
}

const unique = <T extends WorkloadFields>(value: T): T => ({
  ...value,
  allowedCountries: [...new Set(value.allowedCountries)].sort(),
  pinnedClusterIds: [...new Set(value.pinnedClusterIds)],
  excludedClusterIds: [...new Set(value.excludedClusterIds)],
});

export const workloadInputSchema = workloadFields.superRefine(checkWorkload).transform(unique);
export const updateWorkloadInputSchema = workloadFields
  .extend({ workloadId: workloadIdSchema })
  .superRefine(checkWorkload)
  .transform(unique);
export const deleteWorkloadInputSchema = z.object({ workloadId: workloadIdSchema });

export type WorkloadInput = z.infer<typeof workloadInputSchema>;

const guestRefSchema = z.object({
  clusterId: z.uuid("Unknown cluster."),
  vmid: int(100, 999_999_999, "Unknown guest."),
});

export const assignGuestsInputSchema = z.object({
  workloadId: workloadIdSchema,
  guests: z.array(guestRefSchema).min(1, "Choose at least one guest.").max(500, "Assign at most 500 guests at once."),
});
export const unassignGuestInputSchema = guestRefSchema;

/** "network:<id>" or "service:<kind>". */
export const rewardSubjectSchema = z
  .string()
  .trim()
  .regex(/^(network:[a-z0-9][a-z0-9-]{0,39}|service:[a-z_]+)$/, "Choose a network or a service.");

export const rewardRateInputSchema = z.object({
  subject: rewardSubjectSchema,
  // "" = any region; otherwise a cluster's region or its country code, compared without case.
  region: z.string().trim().max(100, "Keep the region under 100 characters.").default(""),
  monthlyUsdPerReplica: z.coerce
    .number("Enter an amount in USD.")
    .min(0, "A rate cannot be negative.")
    .max(1_000_000, "That is more than any network pays a replica a month."),
});
export const deleteRewardRateInputSchema = z.object({
  subject: rewardSubjectSchema,
  region: z.string().trim().max(100).default(""),
});
