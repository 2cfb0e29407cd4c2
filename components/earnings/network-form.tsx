"use client";
// Admins add a revenue network beyond the essay's six, with its monthly range if it has one.
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { formInput } from "@/components/ui/use-server-action";
import { addNetworkAction } from "@/lib/earnings/actions";

export function NetworkForm({ networks }: { networks: Array<{ id: string; name: string; defaultSymbol: string }> }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">{networks.map((n) => `${n.name} (${n.id}, ${n.defaultSymbol})`).join(" · ")}</p>
      <ActionForm
        className="grid gap-3 sm:grid-cols-3"
        aria-label="New network"
        action={(_, element) => addNetworkAction(formInput(element))}
        onSuccess={(_, element) => element.reset()}
        success={(data) => `Network ${data.id} added: CSV files and the API can name it now.`}
        submitLabel="Add network"
        submitClassName="self-end"
        messageClassName="sm:col-span-3"
      >
        {(fieldErrors) => (
          <>
            <TextField label="Id (used in files)" name="id" required placeholder="storj" errors={fieldErrors.id} />
            <TextField label="Name" name="name" required placeholder="Storj" errors={fieldErrors.name} />
            <TextField
              label="Token symbol"
              name="defaultSymbol"
              required
              placeholder="STORJ"
              errors={fieldErrors.defaultSymbol}
            />
            <TextField
              label="Monthly range from (USD)"
              name="monthlyMinUsd"
              inputMode="decimal"
              errors={fieldErrors.monthlyMinUsd}
            />
            <TextField label="to (USD)" name="monthlyMaxUsd" inputMode="decimal" errors={fieldErrors.monthlyMaxUsd} />
          </>
        )}
      </ActionForm>
    </div>
  );
}
