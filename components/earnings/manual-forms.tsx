"use client";
// Entering revenue and an electricity bill by hand: the same validation as a CSV row, errors under
// the fields.
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { formInput } from "@/components/ui/use-server-action";
import { addManualEntryAction, setElectricityCostAction } from "@/lib/earnings/actions";

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
  return (
    <ActionForm
      className="grid gap-3 sm:grid-cols-2"
      aria-label="Manual revenue entry"
      action={(_, element) => addManualEntryAction(formInput(element))}
      onSuccess={(_, element) => element.reset()}
      success={(data) => (data.duplicate ? "This entry was already in the ledger: nothing changed." : "Entry added.")}
      submitLabel="Add entry"
      submitClassName="self-end justify-self-start"
      messageClassName="sm:col-span-2"
    >
      {(fieldErrors) => (
        <>
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
        </>
      )}
    </ActionForm>
  );
}

export function ElectricityCostForm({
  clusters,
  today,
}: {
  clusters: Array<Option & { currency: string }>;
  today: string;
}) {
  return (
    <ActionForm
      className="grid gap-3 sm:grid-cols-2"
      aria-label="Electricity cost"
      action={(_, element) => setElectricityCostAction(formInput(element))}
      success={(data) => `Cost of ${data.cost.toLocaleString()} saved: it replaces the estimate for that day.`}
      submitLabel="Save cost"
      submitClassName="self-end justify-self-start"
      messageClassName="sm:col-span-2"
    >
      {(fieldErrors) => (
        <>
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
          <TextField
            label="Cost, in the cluster's currency"
            name="cost"
            inputMode="decimal"
            errors={fieldErrors.cost}
          />
          <TextField
            label="Or the energy measured that day, kWh"
            name="kwh"
            inputMode="decimal"
            errors={fieldErrors.kwh}
          />
          <TextField label="Note" name="note" errors={fieldErrors.note} />
        </>
      )}
    </ActionForm>
  );
}
