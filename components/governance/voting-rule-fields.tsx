import { TextField } from "@/components/ui/field";
import type { ProposalFormValues } from "./proposal-values";

const WEIGHTS = [
  { name: "weightClusterStake", label: "Cluster stake" },
  { name: "weightExpertise", label: "Expertise" },
  { name: "weightEconomic", label: "Economic" },
] as const;

/** Quorum, threshold and, for an economic vote, the three weights. */
export function VotingRuleFields({
  type,
  initial,
  errors,
}: {
  type: ProposalFormValues["type"];
  initial: ProposalFormValues;
  errors: Record<string, string[]>;
}) {
  return (
    <>
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
          {WEIGHTS.map(({ name, label }) => (
            <TextField
              key={name}
              label={label}
              name={name}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              defaultValue={initial[name]}
              errors={errors[name]}
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}
