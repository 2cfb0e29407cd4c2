import { SelectField, TextField } from "@/components/ui/field";
import { SITE_ROLE_LABELS, SITE_ROLES } from "@/lib/clusters/site-roles";
import {
  DEFAULT_LATENCY_BASE_MS,
  DEFAULT_WATTS_PER_GPU,
  DEFAULT_WATTS_PER_VCPU,
} from "@/lib/placement/engine/defaults";

export interface SiteDefaults {
  name?: string;
  siteName?: string;
  role?: string;
  tier?: number;
  latitude?: number;
  longitude?: number;
  country?: string;
  region?: string | null;
  powerGrid?: string | null;
  isp?: string | null;
  electricityPricePerKwh?: number;
  currency?: string;
  wattsPerNode?: number | null;
  syncIntervalSeconds?: number | null;
  wattsPerVcpu?: number | null;
  wattsPerGpu?: number | null;
  gpuCount?: number;
  latencyBaseMs?: number | null;
  maintenance?: boolean;
}

/** Name, site data and sync interval: the fields registration and editing share. */
export function SiteFields({
  defaults = {},
  errors = {},
}: {
  defaults?: SiteDefaults;
  errors?: Record<string, string[]>;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField
        label="Cluster name"
        name="name"
        required
        maxLength={60}
        defaultValue={defaults.name}
        errors={errors.name}
        hint="How Sovereign shows this cluster, e.g. paris."
      />
      <TextField
        label="Site name"
        name="siteName"
        required
        maxLength={100}
        defaultValue={defaults.siteName}
        errors={errors.siteName}
        hint="City or data centre."
      />
      <SelectField label="Role" name="role" defaultValue={defaults.role ?? "primary"} errors={errors.role}>
        {SITE_ROLES.map((role) => (
          <option key={role} value={role}>
            {SITE_ROLE_LABELS[role]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Tier"
        name="tier"
        defaultValue={String(defaults.tier ?? 2)}
        errors={errors.tier}
        hint="1: 64 GB+ RAM, enterprise SSD, dual PSU · 2: 32 GB · 3: 16 GB, low power."
      >
        <option value="1">Tier 1</option>
        <option value="2">Tier 2</option>
        <option value="3">Tier 3</option>
      </SelectField>
      <TextField
        label="Latitude"
        name="latitude"
        required
        inputMode="decimal"
        defaultValue={defaults.latitude}
        errors={errors.latitude}
        hint="Decimal degrees, e.g. 48.8566."
      />
      <TextField
        label="Longitude"
        name="longitude"
        required
        inputMode="decimal"
        defaultValue={defaults.longitude}
        errors={errors.longitude}
        hint="Decimal degrees, e.g. 2.3522."
      />
      <TextField
        label="Country"
        name="country"
        required
        maxLength={2}
        defaultValue={defaults.country}
        errors={errors.country}
        hint="Two-letter code of the jurisdiction, e.g. FR."
        autoCapitalize="characters"
      />
      <TextField
        label="Region"
        name="region"
        maxLength={100}
        defaultValue={defaults.region ?? ""}
        errors={errors.region}
      />
      <TextField
        label="Power grid"
        name="powerGrid"
        maxLength={100}
        defaultValue={defaults.powerGrid ?? ""}
        errors={errors.powerGrid}
        hint="Operator, e.g. RTE (FR): the redundancy audit compares them."
      />
      <TextField label="ISP" name="isp" maxLength={100} defaultValue={defaults.isp ?? ""} errors={errors.isp} />
      <TextField
        label="Electricity price per kWh"
        name="electricityPricePerKwh"
        required
        inputMode="decimal"
        defaultValue={defaults.electricityPricePerKwh}
        errors={errors.electricityPricePerKwh}
      />
      <TextField
        label="Currency"
        name="currency"
        required
        maxLength={3}
        defaultValue={defaults.currency ?? "EUR"}
        errors={errors.currency}
        hint="Three-letter code, e.g. EUR."
        autoCapitalize="characters"
      />
      <TextField
        label="Watts per node"
        name="wattsPerNode"
        inputMode="numeric"
        defaultValue={defaults.wattsPerNode ?? ""}
        errors={errors.wattsPerNode}
        hint="Optional: average draw, for electricity cost in earnings."
      />
      <TextField
        label="Sync interval (seconds)"
        name="syncIntervalSeconds"
        inputMode="numeric"
        defaultValue={defaults.syncIntervalSeconds ?? ""}
        errors={errors.syncIntervalSeconds}
        hint="Optional: leave empty for the default (15 s)."
      />
      <fieldset className="grid gap-3 border-t border-border pt-3 sm:col-span-2 sm:grid-cols-2">
        <legend className="text-sm font-semibold">For workload placement</legend>
        <TextField
          label="Watts per vCPU"
          name="wattsPerVcpu"
          inputMode="decimal"
          defaultValue={defaults.wattsPerVcpu ?? ""}
          errors={errors.wattsPerVcpu}
          hint={`Optional: draw of one busy vCPU; empty = ${DEFAULT_WATTS_PER_VCPU} W.`}
        />
        <TextField
          label="Watts per GPU"
          name="wattsPerGpu"
          inputMode="decimal"
          defaultValue={defaults.wattsPerGpu ?? ""}
          errors={errors.wattsPerGpu}
          hint={`Optional: empty = ${DEFAULT_WATTS_PER_GPU} W.`}
        />
        <TextField
          label="GPUs for guests"
          name="gpuCount"
          inputMode="numeric"
          defaultValue={defaults.gpuCount ?? 0}
          errors={errors.gpuCount}
          hint="How many GPUs this site can pass through to guests."
        />
        <TextField
          label="Latency base (ms)"
          name="latencyBaseMs"
          inputMode="decimal"
          defaultValue={defaults.latencyBaseMs ?? ""}
          errors={errors.latencyBaseMs}
          hint={`Optional: round trip added at this site on top of distance; empty = ${DEFAULT_LATENCY_BASE_MS} ms.`}
        />
        <label className="flex items-start gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="maintenance" className="mt-1" defaultChecked={defaults.maintenance ?? false} />
          <span>
            <span className="font-medium">In maintenance</span>
            <span className="block text-xs text-muted">
              The planner places no replicas here and proposes moving those it runs.
            </span>
          </span>
        </label>
      </fieldset>
    </div>
  );
}

/** The form's values as the actions expect them (strings; the action's schema coerces). */
export function siteValues(form: FormData): Record<string, string> {
  const keys = [
    "name",
    "siteName",
    "role",
    "tier",
    "latitude",
    "longitude",
    "country",
    "region",
    "powerGrid",
    "isp",
    "electricityPricePerKwh",
    "currency",
    "wattsPerNode",
    "syncIntervalSeconds",
    "wattsPerVcpu",
    "wattsPerGpu",
    "gpuCount",
    "latencyBaseMs",
    "maintenance",
  ];
  return Object.fromEntries(keys.map((key) => [key, String(form.get(key) ?? "")]));
}
