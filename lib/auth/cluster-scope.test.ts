import { describe, expect, it } from "vitest";
import { inScope, mayTouch, outOfScope, type ClusterScope } from "./cluster-scope";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const every: ClusterScope = { all: true };
const onlyA: ClusterScope = { all: false, clusterIds: new Set([A]) };
const none: ClusterScope = { all: false, clusterIds: new Set() };

describe("cluster scope", () => {
  it("an unlimited member touches any cluster and the federation", () => {
    expect(mayTouch(every, [A, B])).toBe(true);
    expect(mayTouch(every, "federation")).toBe(true);
    expect(inScope(every, B)).toBe(true);
  });

  it("a limited member touches only their clusters, every one of a list, never the federation", () => {
    expect(mayTouch(onlyA, [A])).toBe(true);
    expect(mayTouch(onlyA, [A, B])).toBe(false);
    expect(outOfScope(onlyA, [A, B, B])).toEqual([B]);
    expect(mayTouch(onlyA, "federation")).toBe(false);
    expect(inScope(onlyA, B)).toBe(false);
  });

  it("touching no cluster is always allowed; a member with no clusters touches none", () => {
    expect(mayTouch(none, [])).toBe(true);
    expect(mayTouch(none, [A])).toBe(false);
  });
});
