import { describe, expect, it } from "vitest";
import { mayStewardProposal, proposalLifecycle, type LifecycleProposal } from "./lifecycle-view";

const AUTHOR = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";
const now = new Date("2026-06-01T12:00:00Z");
const later = new Date("2026-06-02T12:00:00Z");
const earlier = new Date("2026-05-31T12:00:00Z");

const proposal = (over: Partial<LifecycleProposal> = {}): LifecycleProposal => ({
  status: "draft",
  type: "technical",
  enactedAt: null,
  closesAt: later,
  authorId: AUTHOR,
  phases: [],
  ...over,
});
const author = { id: AUTHOR, role: "operator" as const };
const admin = { id: OTHER, role: "admin" as const };
const operator = { id: OTHER, role: "operator" as const };
const noActions = {
  edit: false,
  open: false,
  enact: false,
  cancel: false,
  startImplementation: false,
  complete: false,
};

describe("proposalLifecycle", () => {
  it("gives the author of a draft edit, open and cancel", () => {
    expect(proposalLifecycle(proposal(), author, now).actions).toEqual({
      ...noActions,
      edit: true,
      open: true,
      cancel: true,
    });
  });

  it("gives another operator nothing, and an admin what the author has", () => {
    expect(proposalLifecycle(proposal(), operator, now)).toMatchObject({ steward: false, actions: noActions });
    expect(proposalLifecycle(proposal(), admin, now).actions).toMatchObject({ edit: true, open: true, cancel: true });
  });

  it("never lets an author who lost the propose permission steer", () => {
    expect(mayStewardProposal({ id: AUTHOR, role: "viewer" }, { authorId: AUTHOR })).toBe(false);
  });

  it("lets only an admin enact an emergency draft, which nobody opens to a plain vote", () => {
    const emergency = proposal({ type: "emergency" });
    expect(proposalLifecycle(emergency, author, now).actions).toMatchObject({ open: false, enact: false });
    expect(proposalLifecycle(emergency, admin, now).actions).toMatchObject({ open: false, enact: true });
  });

  it("reads the vote as open only before its closing time", () => {
    expect(proposalLifecycle(proposal({ status: "open" }), operator, now).votingOpen).toBe(true);
    expect(proposalLifecycle(proposal({ status: "open", closesAt: earlier }), operator, now).votingOpen).toBe(false);
    expect(proposalLifecycle(proposal({ status: "draft" }), operator, now).votingOpen).toBe(false);
  });

  it("keeps an enacted emergency's vote from being withdrawn", () => {
    const enacted = proposal({ type: "emergency", status: "open", enactedAt: earlier });
    expect(proposalLifecycle(enacted, admin, now).actions.cancel).toBe(false);
    expect(proposalLifecycle(enacted, admin, now).trackPhases).toBe(true);
  });

  it("starts implementation once passed, and completes it when every phase is done", () => {
    expect(proposalLifecycle(proposal({ status: "passed" }), author, now).actions).toEqual({
      ...noActions,
      startImplementation: true,
    });
    const implementing = (done: boolean[]) =>
      proposal({ status: "implementing", phases: done.map((d) => ({ completedAt: d ? earlier : null })) });
    expect(proposalLifecycle(implementing([true, false]), author, now)).toMatchObject({
      trackPhases: true,
      actions: { complete: false },
    });
    expect(proposalLifecycle(implementing([true, true]), author, now).actions.complete).toBe(true);
    expect(proposalLifecycle(implementing([true, true]), operator, now).actions.complete).toBe(false);
  });
});
