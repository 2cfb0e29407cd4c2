"use client";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, controlClass } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { createProposalAction, updateProposalAction } from "@/lib/governance/actions";
import { PhaseRows, type PhaseDraft } from "./phase-rows";
import {
  DAY,
  TYPE_HINTS,
  TYPES,
  defaultProposalValues,
  fromLocalInput,
  toLocalInput,
  type ProposalFormValues,
} from "./proposal-values";
import { VotingRuleFields } from "./voting-rule-fields";

const subscribe = () => () => {};

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
  // Errors show under the fields and above the button; a success opens the proposal.
  const { pending, message, fieldErrors, run } = useServerAction({ toast: false });
  // The update action nests the proposal's fields under "proposal.".
  const errors = Object.fromEntries(
    Object.entries(fieldErrors).map(([key, value]) => [key.replace(/^proposal\./, ""), value]),
  );
  const [type, setType] = useState(initial.type);
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
    run(() => (proposalId ? updateProposalAction({ proposalId, proposal: input }) : createProposalAction(input)), {
      onSuccess: (proposal) => router.push(`/governance/${proposal.id}`),
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
        <FieldError id="description-error" errors={errors.description} />
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
      <VotingRuleFields type={type} initial={initial} errors={errors} />
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
        <FieldError id="concernsClusters-error" errors={errors.concernsClusters} />
      </fieldset>
      {message && <Notice tone="error">{message.text}</Notice>}
      <Button type="submit" pending={pending}>
        {proposalId ? "Save draft" : "Create draft"}
      </Button>
    </form>
  );
}
