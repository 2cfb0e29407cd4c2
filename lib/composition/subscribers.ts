// Every area's subscribers to other areas' events, registered in one place: the lower area
// announces, the higher one follows, and neither imports the other the wrong way. Each process
// that runs governance code calls this at start-up: the worker (startWorker), the Next server
// (instrumentation.ts), the integration tests (test/setup-subscribers.ts).
import { setProposalSubscribers } from "@/lib/governance/events";
import { followProposal } from "@/lib/placement/apply/governance-subscribers";

export function registerSubscribers(): void {
  setProposalSubscribers({ placement: followProposal });
}
