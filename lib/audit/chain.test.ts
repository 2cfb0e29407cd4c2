import { describe, expect, it } from "vitest";
import { canonicalJson, findBreak, GENESIS_HASH, hashEvent, redact, type StoredEvent } from "./chain";

function chain(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const content = {
      at: new Date(Date.UTC(2026, 10, 28, 10, i)),
      actorId: null,
      actorLabel: "a@example.org",
      action: `test.${i}`,
      targetType: null,
      targetId: null,
      payload: { i },
      prevHash,
    };
    const hash = hashEvent(content);
    events.push({ ...content, seq: BigInt(i), hash });
    prevHash = hash;
  }
  return events;
}

describe("audit hash chain", () => {
  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it("accepts an intact chain", () => {
    expect(findBreak(chain(5), GENESIS_HASH)).toBeNull();
  });

  it("finds an altered payload at its event", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, payload: { i: 99 } };
    expect(findBreak(events, GENESIS_HASH)).toEqual({ seq: 3n, reason: "content-altered" });
  });

  it("finds a removed event as a broken link", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findBreak(events, GENESIS_HASH)).toEqual({ seq: 3n, reason: "link-broken" });
  });

  it("finds a re-hashed event by the next one's link", () => {
    const events = chain(4);
    const forged = { ...events[1]!, action: "forged" };
    events[1] = { ...forged, hash: hashEvent(forged) };
    expect(findBreak(events, GENESIS_HASH)).toEqual({ seq: 3n, reason: "link-broken" });
  });

  it("redacts credentials at any depth", () => {
    expect(
      redact({ email: "a@b.c", password: "x", nested: { apiToken: "t", ok: 1 }, list: [{ secret: "s", n: 2 }] }),
    ).toEqual({
      email: "a@b.c",
      nested: { ok: 1 },
      list: [{ n: 2 }],
    });
  });
});
