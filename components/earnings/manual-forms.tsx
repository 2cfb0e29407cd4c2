"use client";
// Entering revenue and an electricity bill by hand: the same validation as a CSV row, errors under
// the fields.
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { addManualEntryAction, setElectricityCostAction } from "@/lib/earnings/actions";
import { useFormAction } from "./use-form-action";

type Option = { id: string; name: string };

export function ManualEntryForm({
  clusters,
  networks,
  today,
}: {
  clusters: Option[];
  networks: Option[];
  today: string;
}) {
  const { pending, fieldErrors, message, onSubmit } = useFormAction(addManualEntryAction, (data, form) => {
    form.reset();
    return data.duplicate ? "This entry was already in the ledger: nothing changed." : "Entry added.";
  });
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label="Manual revenue entry">
      <SelectField label="Cluster" name="cluster" required errors={fieldErrors.cluster}>
        {clusters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Network" name="network" required errors={fieldErrors.network}>
        {networks.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Day"
        name="date"
        type="date"
        required
        max={today}
        defaultValue={today}
        errors={fieldErrors.date}
      />
      <TextField
        label="Token amount"
        name="amount"
        inputMode="decimal"
        required
        placeholder="12.5"
        errors={fieldErrors.amount}
      />
      <TextField label="Token symbol" name="symbol" placeholder="Network's default" errors={fieldErrors.symbol} />
      <TextField label="Workload or guest" name="workload" errors={fieldErrors.workload} />
      <TextField
        label="External id"
        name="externalId"
        hint="The payout's id, if it has one: entering it twice then counts once."
        errors={fieldErrors.externalId}
      />
      <div className="flex items-end">
        <Button type="submit" pending={pending}>
          Add entry
        </Button>
      </div>
      {message && (
        <div className="sm:col-span-2">
          <Notice tone={message.tone}>{message.text}</Notice>
        </div>
      )}
    </form>
  );
}

export function ElectricityCostForm({
  clusters,
  today,
}: {
  clusters: Array<Option & { currency: string }>;
  today: string;
}) {
  const { pending, fieldErrors, message, onSubmit } = useFormAction(
    setElectricityCostAction,
    (data) => `Cost of ${data.cost.toLocaleString()} saved: it replaces the estimate for that day.`,
  );
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label="Electricity cost">
      <SelectField label="Cluster" name="clusterId" required errors={fieldErrors.clusterId}>
        {clusters.map((c) => (
          <option key={c.id} value={c.id}>{`${c.name} (${c.currency})`}</option>
        ))}
      </SelectField>
      <TextField
        label="Day"
        name="day"
        type="date"
        required
        max={today}
        defaultValue={today}
        errors={fieldErrors.day}
      />
      <TextField label="Cost, in the cluster's currency" name="cost" inputMode="decimal" errors={fieldErrors.cost} />
      <TextField label="Or the energy measured that day, kWh" name="kwh" inputMode="decimal" errors={fieldErrors.kwh} />
      <TextField label="Note" name="note" errors={fieldErrors.note} />
      <div>
        <Button type="submit" pending={pending}>
          Save cost
        </Button>
      </div>
      {message && (
        <div className="sm:col-span-2">
          <Notice tone={message.tone}>{message.text}</Notice>
        </div>
      )}
    </form>
  );
}
