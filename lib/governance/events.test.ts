import { beforeEach, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import {
  announceProposalEvent,
  setProposalSubscribers,
  SubscribersNotRegisteredError,
  type ProposalEvent,
} from "./events";

// The subscribers under test never touch the transaction.
const tx = {} as Tx;
const closed: ProposalEvent = { type: "closed", proposalId: "p1", outcome: "rejected" };

describe("proposal events", () => {
  beforeEach(() => {
    (globalThis as { sovereignProposalEvents?: unknown }).sovereignProposalEvents = undefined;
  });

  it("fails loudly in a process that registered no subscribers", async () => {
    await expect(announceProposalEvent(tx, closed)).rejects.toBeInstanceOf(SubscribersNotRegisteredError);
  });

  it("hands each event to every subscriber, in the order registered, with the caller's transaction", async () => {
    const seen: string[] = [];
    setProposalSubscribers({
      a: async (t, e) => void seen.push(`a:${e.type}:${t === tx}`),
      b: async (_t, e) => void seen.push(`b:${e.proposalId}`),
    });
    await announceProposalEvent(tx, closed);
    expect(seen).toEqual(["a:closed:true", "b:p1"]);
  });

  it("replaces the subscribers when registered again, and accepts none", async () => {
    const seen: string[] = [];
    setProposalSubscribers({ a: async () => void seen.push("old") });
    setProposalSubscribers({ a: async () => void seen.push("new") });
    await announceProposalEvent(tx, closed);
    expect(seen).toEqual(["new"]);
    setProposalSubscribers({});
    await expect(announceProposalEvent(tx, closed)).resolves.toBeUndefined();
  });

  it("lets a subscriber's failure fail the change", async () => {
    setProposalSubscribers({
      a: async () => {
        throw new Error("plan out of step");
      },
    });
    await expect(announceProposalEvent(tx, closed)).rejects.toThrow("plan out of step");
  });
});
