"use client";
// Admins add a revenue network beyond the essay's six, with its monthly range if it has one.
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { addNetworkAction } from "@/lib/earnings/actions";
import { useFormAction } from "./use-form-action";

export function NetworkForm({ networks }: { networks: Array<{ id: string; name: string; defaultSymbol: string }> }) {
  const { pending, fieldErrors, message, onSubmit } = useFormAction(addNetworkAction, (data, form) => {
    form.reset();
    return `Network ${data.id} added: CSV files and the API can name it now.`;
  });
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">{networks.map((n) => `${n.name} (${n.id}, ${n.defaultSymbol})`).join(" · ")}</p>
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3" aria-label="New network">
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
        <div className="flex items-end">
          <Button type="submit" pending={pending}>
            Add network
          </Button>
        </div>
      </form>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </div>
  );
}
