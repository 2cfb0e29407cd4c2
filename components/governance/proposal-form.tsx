"use client";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, controlClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { createProposalAction, updateProposalAction } from "@/lib/governance/actions";
import { PhaseRows, type PhaseDraft } from "./phase-rows";

export interface ProposalFormValues {
  title: string;
  description: string;
  type: "technical" | "economic" | "emergency";
  opensAt: string; // ISO
  closesAt: string; // ISO
  quorumPct: number;
  thresholdPct: number;
  weightClusterStake: number;
  weightExpertise: number;
  weightEconomic: number;
  phases: { name: string; startsAt: string; endsAt: string }[];
  concernsClusters: string[];
}

const subscribe = () => () => {};
const TYPES = ["technical", "economic", "emergency"] as const;
const DAY = 86_400_000;

/** datetime-local wants local wall time without a zone; the form converts back to ISO on submit. */
function toLocalInput(iso: string, withTime = true): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString();
  return withTime ? local.slice(0, 16) : local.slice(0, 10);
}

function fromLocalInput(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00` : value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

export function defaultProposalValues(now = new Date()): ProposalFormValues {
  return {
    title: "",
    description: "",
    type: "technical",
    opensAt: now.toISOString(),
    closesAt: new Date(now.getTime() + 7 * DAY).toISOString(),
    quorumPct: 50,
    thresholdPct: 67,
    weightClusterStake: 40,
    weightExpertise: 30,
    weightEconomic: 30,
    phases: [],
    concernsClusters: [],
  };
}

export function ProposalForm({
  proposalId,
  initial,
  clusterNames,
}: {
  proposalId?: string;
  initial?: ProposalFormValues;
  clusterNames: string[];
}) {
  // Rendered in the browser only: datetime inputs show local time, which the server cannot know.
  const mounted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!mounted) return <p className="text-sm text-muted">Loading the form…</p>;
  return <FormBody proposalId={proposalId} initial={initial ?? defaultProposalValues()} clusterNames={clusterNames} />;
}

function FormBody({
  proposalId,
  initial,
  clusterNames,
}: {
  proposalId?: string;
  initial: ProposalFormValues;
  clusterNames: string[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [type, setType] = useState(initial.type);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [phases, setPhases] = useState<PhaseDraft[]>(
    initial.phases.map((p, i) => ({
      key: i,
      name: p.name,
      startsAt: toLocalInput(p.startsAt, false),
      endsAt: toLocalInput(p.endsAt, false),
    })),
  );

  function submit(form: FormData) {
    const text = (name: string) => String(form.get(name) ?? "");
    const emergency = text("type") === "emergency";
    const now = new Date();
    const input = {
      title: text("title"),
      description: text("description"),
      type: text("type"),
      // An emergency's window is set when an admin enacts it (72 hours); these are placeholders.
      opensAt: emergency ? now.toISOString() : fromLocalInput(text("opensAt")),
      closesAt: emergency ? new Date(now.getTime() + 3 * DAY).toISOString() : fromLocalInput(text("closesAt")),
      quorumPct: text("quorumPct"),
      thresholdPct: text("thresholdPct"),
      weightClusterStake: text("weightClusterStake"),
      weightExpertise: text("weightExpertise"),
      weightEconomic: text("weightEconomic"),
      phases: phases.map((p) => ({
        name: p.name,
        startsAt: fromLocalInput(p.startsAt),
        endsAt: fromLocalInput(p.endsAt),
      })),
      concernsClusters: form.getAll("concernsClusters").map(String),
    };
    setErrors({});
    setMessage(null);
    startTransition(async () => {
      const result = proposalId
        ? await updateProposalAction({ proposalId, proposal: input })
        : await createProposalAction(input);
      if (!result.ok) {
        setErrors(
          Object.fromEntries(
            Object.entries(result.fieldErrors ?? {}).map(([key, value]) => [key.replace(/^proposal\./, ""), value]),
          ),
        );
        setMessage(result.message);
        return;
      }
      router.push(`/governance/${result.data.id}`);
      router.refresh();
    });
  }

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget));
      }}
    >
      <TextField
        label="Title"
        name="title"
        required
        maxLength={200}
        defaultValue={initial.title}
        errors={errors.title}
      />
      <SelectField
        label="Type"
        name="type"
        value={type}
        onChange={(e) => setType(TYPES.find((t) => t === e.target.value) ?? "technical")}
        errors={errors.type}
        hint={TYPE_HINTS[type]}
      >
        <option value="technical">Technical — operators and admins, one vote each</option>
        <option value="economic">Economic — every member with weight, weighted</option>
        <option value="emergency">Emergency — an admin enacts it, then a ratification vote</option>
      </SelectField>
      <div className="space-y-1">
        <label htmlFor="description" className="block text-sm font-medium">
          Description
        </label>
        <textarea
          id="description"
          name="description"
          rows={8}
          maxLength={20_000}
          defaultValue={initial.description}
          className={`${controlClass} py-2 font-mono`}
          aria-describedby="description-error description-hint"
        />
        <p id="description-hint" className="text-xs text-muted">
          Markdown: # headings, **bold**, *italic*, `code`, lists, [links](https://…).
        </p>
        <p id="description-error" aria-live="polite" className="text-xs text-danger">
          {errors.description?.join(" ")}
        </p>
      </div>
      {type !== "emergency" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Voting opens (planned)"
            name="opensAt"
            type="datetime-local"
            required
            defaultValue={toLocalInput(initial.opensAt)}
            errors={errors.opensAt}
            hint="Voting actually opens when you press Open voting."
          />
          <TextField
            label="Voting closes"
            name="closesAt"
            type="datetime-local"
            required
            defaultValue={toLocalInput(initial.closesAt)}
            errors={errors.closesAt}
          />
        </div>
      )}
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Quorum (%)"
          name="quorumPct"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          required
          defaultValue={initial.quorumPct}
          errors={errors.quorumPct}
          hint="Share of the eligible weight that must take part."
        />
        <TextField
          label="Threshold (%)"
          name="thresholdPct"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          required
          defaultValue={initial.thresholdPct}
          errors={errors.thresholdPct}
          hint="For ÷ (for + against) needed."
        />
      </div>
      <fieldset className={type === "economic" ? "space-y-2" : "hidden"}>
        <legend className="text-sm font-medium">Weights (must add up to 100 %)</legend>
        <div className="grid grid-cols-3 gap-3">
          <TextField
            label="Cluster stake"
            name="weightClusterStake"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            defaultValue={initial.weightClusterStake}
            errors={errors.weightClusterStake}
          />
          <TextField
            label="Expertise"
            name="weightExpertise"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            defaultValue={initial.weightExpertise}
            errors={errors.weightExpertise}
          />
          <TextField
            label="Economic"
            name="weightEconomic"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            defaultValue={initial.weightEconomic}
            errors={errors.weightEconomic}
          />
        </div>
      </fieldset>
      <PhaseRows phases={phases} onChange={setPhases} errors={errors} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Clusters concerned (optional)</legend>
        {clusterNames.length === 0 ? (
          <p className="text-xs text-muted">No cluster is registered yet.</p>
        ) : (
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {clusterNames.map((name) => (
              <label key={name} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="concernsClusters"
                  value={name}
                  defaultChecked={initial.concernsClusters.includes(name)}
                />
                {name}
              </label>
            ))}
          </div>
        )}
        <p aria-live="polite" className="text-xs text-danger">
          {errors.concernsClusters?.join(" ")}
        </p>
      </fieldset>
      {message && <Notice tone="error">{message}</Notice>}
      <Button type="submit" pending={pending}>
        {proposalId ? "Save draft" : "Create draft"}
      </Button>
    </form>
  );
}

const TYPE_HINTS: Record<ProposalFormValues["type"], string> = {
  technical: "Decided by operators and admins, one member one vote.",
  economic: "Every member with weight votes; weights are fixed when voting opens.",
  emergency: "An admin enacts it at once; a 72-hour ratification vote by operators and admins follows.",
};
