"use client";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import {
  cancelProposalAction,
  completeProposalAction,
  enactEmergencyAction,
  openVotingAction,
  startImplementationAction,
} from "@/lib/governance/actions";
import type { LifecycleActions } from "@/lib/governance/lifecycle-view";
import { useServerAction } from "@/components/ui/use-server-action";

/** The transitions this member may make now; the server checks each again. */
export function LifecycleButtons({ proposalId, options }: { proposalId: string; options: LifecycleActions }) {
  const { pending, run } = useServerAction();
  const input = { proposalId };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {options.edit && (
          <Link href={`/governance/${proposalId}/edit`} className={buttonClass("secondary")}>
            Edit
          </Link>
        )}
        {options.open && (
          <ConfirmButton
            label="Open voting"
            variant="secondary"
            title="Open voting now?"
            body="Who may vote and their weights are fixed now, and the proposal can no longer be edited."
            confirmLabel="Open voting"
            pending={pending}
            onConfirm={() => run(() => openVotingAction(input), { success: "Voting is open." })}
          />
        )}
        {options.enact && (
          <ConfirmButton
            label="Enact now"
            title="Enact this emergency now?"
            body="It takes effect at once and a 72-hour ratification vote opens. If the vote fails, it is marked not ratified for everyone to see."
            confirmLabel="Enact"
            pending={pending}
            onConfirm={() =>
              run(() => enactEmergencyAction(input), { success: "Enacted: the ratification vote is open." })
            }
          />
        )}
        {options.startImplementation && (
          <ConfirmButton
            label="Start implementation"
            variant="secondary"
            title="Start implementing?"
            body="Phases can then be checked off as they are done."
            confirmLabel="Start"
            pending={pending}
            onConfirm={() => run(() => startImplementationAction(input), { success: "Implementation started." })}
          />
        )}
        {options.complete && (
          <ConfirmButton
            label="Mark done"
            variant="secondary"
            title="Mark this proposal done?"
            body="Every phase must be checked off."
            confirmLabel="Mark done"
            pending={pending}
            onConfirm={() => run(() => completeProposalAction(input), { success: "Marked done." })}
          />
        )}
        {options.cancel && (
          <ConfirmButton
            label="Cancel proposal"
            title="Cancel this proposal?"
            body="It stays on record as cancelled. Only a draft can be withdrawn: once voting opens, the vote runs to its end."
            confirmLabel="Cancel proposal"
            pending={pending}
            onConfirm={() => run(() => cancelProposalAction(input), { success: "Proposal cancelled." })}
          />
        )}
      </div>
    </div>
  );
}
