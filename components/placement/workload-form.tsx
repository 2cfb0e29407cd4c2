"use client";
// Creating or editing a workload: what it earns from, what each replica needs, and where it may
// run. Pins and exclusions are checkboxes of registered clusters, so they can only name real ones.
import { useRouter } from "next/navigation";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { SERVICE_LABELS, WORKLOAD_SERVICES } from "@/lib/placement/workloads/subjects";
import { createWorkloadAction, updateWorkloadAction } from "@/lib/placement/workloads/actions";
import type { WorkloadDetail, WorkloadFormOptions } from "@/lib/placement/workloads/queries";

type Initial = Partial<WorkloadDetail["workload"]>;

function formValues(form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const kind = String(data.get("kind") ?? "");
  const values: Record<string, unknown> = {};
  for (const key of [
    "name",
    "tag",
    "vcpu",
    "memoryMb",
    "diskGb",
    "replicas",
    "priority",
    "allowedCountries",
    "minSpreadKm",
    "latencyLatitude",
    "latencyLongitude",
    "maxLatencyMs",
  ])
    values[key] = String(data.get(key) ?? "");
  values.networkId = kind.startsWith("network:") ? kind.slice("network:".length) : "";
  values.service = kind.startsWith("service:") ? kind.slice("service:".length) : "";
  values.gpu = data.get("gpu") === "on";
  values.distinctRegions = data.get("distinctRegions") === "on";
  values.pinnedClusterIds = data.getAll("pinnedClusterIds").map(String);
  values.excludedClusterIds = data.getAll("excludedClusterIds").map(String);
  return values;
}

function ClusterChecks({
  name,
  label,
  hint,
  options,
  checked,
  errors,
}: {
  name: string;
  label: string;
  hint: string;
  options: WorkloadFormOptions["clusters"];
  checked: readonly string[];
  errors?: string[];
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{label}</legend>
      <p className="text-xs text-muted">{hint}</p>
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((c) => (
          <label key={c.id} className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={c.id}
              defaultChecked={checked.includes(c.id)}
              className="size-4"
            />
            {c.name} <span className="text-xs text-muted">{c.country}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}

export function WorkloadForm({
  options,
  initial,
}: {
  options: WorkloadFormOptions;
  initial?: Initial & { id: string };
}) {
  const router = useRouter();
  // The outcome shows inline above the button; a new workload opens its own page instead.
  const { pending, message, fieldErrors: errors, run } = useServerAction({ toast: false });
  const w: Initial = initial ?? {};
  const kind = w.networkId ? `network:${w.networkId}` : w.service ? `service:${w.service}` : "";
  const countryErrors = Object.entries(errors)
    .filter(([key]) => key.startsWith("allowedCountries"))
    .flatMap(([, v]) => v);

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        const values = formValues(event.currentTarget);
        if (initial) run(() => updateWorkloadAction({ ...values, workloadId: initial.id }), { success: "Saved." });
        else
          run(() => createWorkloadAction(values), {
            refresh: false,
            onSuccess: (workload) => router.push(`/placement/workloads/${workload.id}`),
          });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" name="name" required maxLength={80} defaultValue={w.name} errors={errors.name} />
        <SelectField
          label="Earns from"
          name="kind"
          defaultValue={kind}
          errors={errors.networkId ?? errors.service}
          hint="A DePIN network in the earnings ledger, or a service."
        >
          <option value="">Choose…</option>
          <optgroup label="Networks">
            {options.networks.map((n) => (
              <option key={n.id} value={`network:${n.id}`}>
                {n.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Services">
            {WORKLOAD_SERVICES.map((s) => (
              <option key={s} value={`service:${s}`}>
                {SERVICE_LABELS[s]}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <TextField
          label="Proxmox tag"
          name="tag"
          maxLength={60}
          defaultValue={w.tag ?? ""}
          errors={errors.tag}
          hint="Optional: guests with this tag belong to it, e.g. sov-helium."
        />
        <TextField
          label="Replicas"
          name="replicas"
          required
          inputMode="numeric"
          defaultValue={w.replicas ?? 1}
          errors={errors.replicas}
        />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Each replica needs</legend>
        <TextField
          label="vCPU"
          name="vcpu"
          required
          inputMode="numeric"
          defaultValue={w.vcpu ?? 2}
          errors={errors.vcpu}
        />
        <TextField
          label="Memory (MiB)"
          name="memoryMb"
          required
          inputMode="numeric"
          defaultValue={w.memoryMb ?? 2048}
          errors={errors.memoryMb}
        />
        <TextField
          label="Disk (GiB)"
          name="diskGb"
          required
          inputMode="numeric"
          defaultValue={w.diskGb ?? 32}
          errors={errors.diskGb}
        />
        <TextField
          label="Priority"
          name="priority"
          required
          inputMode="numeric"
          defaultValue={w.priority ?? 50}
          errors={errors.priority}
          hint="0–100: higher places first when capacity is short."
        />
        <label className="flex min-h-10 items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="gpu" defaultChecked={w.gpu ?? false} className="size-4" /> Needs a GPU
        </label>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Where it may run</legend>
        <TextField
          label="Allowed countries"
          name="allowedCountries"
          defaultValue={(w.allowedCountries ?? []).join(", ")}
          errors={countryErrors}
          hint="Two-letter codes, e.g. FR, DE; empty = anywhere (data residency)."
        />
        <TextField
          label="Replicas at least … km apart"
          name="minSpreadKm"
          inputMode="numeric"
          defaultValue={w.minSpreadKm ?? ""}
          errors={errors.minSpreadKm}
          hint="Optional."
        />
        <label className="flex min-h-10 items-center gap-2 text-sm sm:col-span-2">
          <input
            type="checkbox"
            name="distinctRegions"
            defaultChecked={w.distinctRegions ?? false}
            className="size-4"
          />{" "}
          Each replica in a different region
        </label>
        <TextField
          label="Latency from latitude"
          name="latencyLatitude"
          inputMode="decimal"
          defaultValue={w.latencyLatitude ?? ""}
          errors={errors.latencyLatitude}
        />
        <TextField
          label="Latency from longitude"
          name="latencyLongitude"
          inputMode="decimal"
          defaultValue={w.latencyLongitude ?? ""}
          errors={errors.latencyLongitude}
        />
        <TextField
          label="Maximum round trip (ms)"
          name="maxLatencyMs"
          inputMode="numeric"
          defaultValue={w.maxLatencyMs ?? ""}
          errors={errors.maxLatencyMs}
          hint="All three or none: estimated at 1 ms per 100 km plus each site's base."
        />
      </fieldset>
      <ClusterChecks
        name="pinnedClusterIds"
        label="Only on these clusters"
        hint="None ticked = any cluster."
        options={options.clusters}
        checked={w.pinnedClusterIds ?? []}
        errors={errors.pinnedClusterIds}
      />
      <ClusterChecks
        name="excludedClusterIds"
        label="Never on these clusters"
        hint=""
        options={options.clusters}
        checked={w.excludedClusterIds ?? []}
        errors={errors.excludedClusterIds}
      />
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <Button type="submit" pending={pending}>
        {initial ? "Save" : "Create workload"}
      </Button>
    </form>
  );
}
