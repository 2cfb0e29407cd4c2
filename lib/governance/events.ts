// What governance announces about a proposal's lifecycle, for areas above it to follow (a
// placement plan put to a vote follows its proposal). Subscribers run inside the transaction
// that changes the proposal, after its row lock, so what they change commits or rolls back with
// it. Governance knows no subscriber: the composition root (lib/composition/subscribers.ts)
// registers them in every process that runs governance code, and announcing in a process where
// it did not run throws, so a forgotten registration fails the first change instead of silently
// leaving a plan behind its vote.
import type { Tx } from "@/lib/db";

export type ProposalEvent =
  | { type: "closed"; proposalId: string; outcome: "passed" | "rejected" }
  | { type: "cancelled"; proposalId: string; actor: { id: string; label: string } }
  | { type: "implementation-started"; proposalId: string };

export type ProposalSubscriber = (tx: Tx, event: ProposalEvent) => Promise<void>;

interface Registry {
  /** By area name, so a development reload replaces an area's subscriber instead of adding one. */
  subscribers: Map<string, ProposalSubscriber>;
  registered: boolean;
}

// On globalThis: Next evaluates instrumentation.ts and the routes in separate module graphs, and
// both must see the one registry of the process.
const globalForEvents = globalThis as unknown as { sovereignProposalEvents?: Registry };

function registry(): Registry {
  globalForEvents.sovereignProposalEvents ??= { subscribers: new Map(), registered: false };
  return globalForEvents.sovereignProposalEvents;
}

export class SubscribersNotRegisteredError extends Error {
  constructor() {
    super(
      "Proposal event subscribers are not registered in this process: call registerSubscribers() " +
        "from lib/composition/subscribers.ts at start-up.",
    );
    this.name = "SubscribersNotRegisteredError";
  }
}

/** Replaces the subscribers with `byArea` and marks the process as registered (even when empty). */
export function setProposalSubscribers(byArea: Readonly<Record<string, ProposalSubscriber>>): void {
  const target = registry();
  target.subscribers = new Map(Object.entries(byArea));
  target.registered = true;
}

/** Runs every subscriber, one after another, in the caller's transaction. */
export async function announceProposalEvent(tx: Tx, event: ProposalEvent): Promise<void> {
  const { subscribers, registered } = registry();
  if (!registered) throw new SubscribersNotRegisteredError();
  for (const subscriber of subscribers.values()) await subscriber(tx, event);
}
