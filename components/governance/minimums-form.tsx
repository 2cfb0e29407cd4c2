"use client";
import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { setVotingMinimumsAction } from "@/lib/governance/actions";

export interface MinimumsValues {
  minQuorumPct: number;
  minThresholdPct: number;
  minWindowHours: number;
}

/** The federation's floors for every proposal's voting rules; the server checks and audits them. */
export function MinimumsForm({ initial }: { initial: MinimumsValues }) {
  const router = useRouter();
  return (
    <ActionForm
      action={(form) => setVotingMinimumsAction(form)}
      submitLabel="Save minimums"
      success="Minimums saved. They apply to proposals saved or opened from now on."
      onSuccess={() => router.refresh()}
      className="space-y-3"
      messageClassName="mt-3"
      aria-label="Voting minimums"
    >
      {(errors) => (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <TextField
            label="Minimum quorum (%)"
            name="minQuorumPct"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            required
            defaultValue={initial.minQuorumPct}
            errors={errors.minQuorumPct}
          />
          <TextField
            label="Minimum threshold (%)"
            name="minThresholdPct"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            required
            defaultValue={initial.minThresholdPct}
            errors={errors.minThresholdPct}
          />
          <TextField
            label="Shortest window (hours)"
            name="minWindowHours"
            type="number"
            inputMode="numeric"
            min={1}
            max={720}
            required
            defaultValue={initial.minWindowHours}
            errors={errors.minWindowHours}
          />
        </div>
      )}
    </ActionForm>
  );
}
