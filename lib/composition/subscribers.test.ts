// Every entry point that runs governance code must register the subscribers; these check the
// Next server's (instrumentation.ts) and the composition root's own list.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { register } from "@/instrumentation";
import { registerSubscribers } from "./subscribers";

type Registry = { sovereignProposalEvents?: { subscribers: Map<string, unknown>; registered: boolean } };
const registry = () => (globalThis as Registry).sovereignProposalEvents;
const runtime = process.env.NEXT_RUNTIME;

describe("subscriber registration", () => {
  beforeEach(() => {
    (globalThis as Registry).sovereignProposalEvents = undefined;
  });
  afterEach(() => {
    if (runtime === undefined) delete process.env.NEXT_RUNTIME;
    else process.env.NEXT_RUNTIME = runtime;
  });

  it("subscribes placement to proposal events", () => {
    registerSubscribers();
    expect(registry()?.registered).toBe(true);
    expect([...(registry()?.subscribers.keys() ?? [])]).toEqual(["placement"]);
  });

  it("is done by the Next server at start-up (instrumentation.ts)", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    await register();
    expect([...(registry()?.subscribers.keys() ?? [])]).toEqual(["placement"]);
  });

  it("is skipped on the edge runtime, which cannot load the subscribers", async () => {
    process.env.NEXT_RUNTIME = "edge";
    await register();
    expect(registry()).toBeUndefined();
  });
});
