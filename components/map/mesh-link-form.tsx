"use client";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { addMeshLinkAction } from "@/lib/map/actions";

export function MeshLinkForm({ sites }: { sites: Array<{ id: string; siteName: string }> }) {
  if (sites.length < 2) return null;
  return (
    <ActionForm
      className="grid gap-3 sm:grid-cols-[1fr_1fr_9rem_auto] sm:items-start"
      aria-label="Add a mesh link"
      action={(form) =>
        addMeshLinkAction({
          fromClusterId: form.get("fromClusterId"),
          toClusterId: form.get("toClusterId"),
          measuredLatencyMs: form.get("measuredLatencyMs"),
        })
      }
      onSuccess={(_, element) => element.reset()}
      success="Link added."
      submitLabel="Add link"
      submitClassName="sm:mt-6"
      messageClassName="sm:col-span-4"
    >
      {(fieldErrors) => (
        <>
          <SelectField label="From" name="fromClusterId" errors={fieldErrors.fromClusterId} defaultValue={sites[0]?.id}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.siteName}
              </option>
            ))}
          </SelectField>
          <SelectField label="To" name="toClusterId" errors={fieldErrors.toClusterId} defaultValue={sites[1]?.id}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.siteName}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Measured RTT (ms)"
            name="measuredLatencyMs"
            inputMode="decimal"
            placeholder="optional"
            errors={fieldErrors.measuredLatencyMs}
          />
        </>
      )}
    </ActionForm>
  );
}
