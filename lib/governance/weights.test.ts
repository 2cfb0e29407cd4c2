import { describe, expect, it } from "vitest";
import { largestRemainder, planWeights, WEIGHT_UNITS } from "./weights";

const DEFAULT = { clusterStake: 40, expertise: 30, economic: 30 };

describe("planWeights", () => {
  it("normalises each component and combines them with the proposal's percentages", () => {
    const plan = planWeights(
      [
        { userId: "a", values: { clusterStake: 3, expertise: 1, economic: 100 } },
        { userId: "b", values: { clusterStake: 1, expertise: 1, economic: 300 } },
      ],
      DEFAULT,
    );
    expect(plan.dropped).toEqual([]);
    expect(plan.equalFallback).toBe(false);
    // a: 0.4×0.75 + 0.3×0.5 + 0.3×0.25 = 0.525
    expect(plan.voters.map((v) => v.units)).toEqual([525_000, 475_000]);
    expect(plan.voters[0]?.shares).toEqual({ clusterStake: 0.75, expertise: 0.5, economic: 0.25 });
  });

  it("drops a component with no total and renormalises the others", () => {
    const plan = planWeights(
      [
        { userId: "a", values: { clusterStake: 0, expertise: 80, economic: 0 } },
        { userId: "b", values: { clusterStake: 0, expertise: 20, economic: 0 } },
        { userId: "c", values: { clusterStake: 0, expertise: 0, economic: 0 } },
      ],
      DEFAULT,
    );
    expect(plan.dropped).toEqual(["clusterStake", "economic"]);
    expect(plan.effective).toEqual({ clusterStake: 0, expertise: 100, economic: 0 });
    // c has no weight at all, so c is not an eligible voter.
    expect(plan.voters.map((v) => [v.userId, v.units])).toEqual([
      ["a", 800_000],
      ["b", 200_000],
    ]);
  });

  it("falls back to equal weights when no component can be used", () => {
    const plan = planWeights(
      ["a", "b", "c"].map((userId) => ({ userId, values: { clusterStake: 0, expertise: 0, economic: 0 } })),
      DEFAULT,
    );
    expect(plan.equalFallback).toBe(true);
    expect(plan.voters.map((v) => v.units)).toEqual([333_334, 333_333, 333_333]);
  });

  it("ignores a component the proposal weights at 0 even if it has a total", () => {
    const plan = planWeights(
      [
        { userId: "a", values: { clusterStake: 1, expertise: 1, economic: 0 } },
        { userId: "b", values: { clusterStake: 0, expertise: 3, economic: 0 } },
      ],
      { clusterStake: 0, expertise: 100, economic: 0 },
    );
    expect(plan.voters.map((v) => v.units)).toEqual([250_000, 750_000]);
  });

  it("refuses negative inputs", () => {
    expect(() =>
      planWeights([{ userId: "a", values: { clusterStake: -1, expertise: 0, economic: 0 } }], DEFAULT),
    ).toThrow(RangeError);
  });
});

describe("largestRemainder", () => {
  it("always sums to the total (seeded)", () => {
    let state = 42;
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let run = 0; run < 500; run++) {
      const fractions = Array.from({ length: 1 + Math.floor(random() * 20) }, () => random());
      const parts = largestRemainder(fractions, WEIGHT_UNITS);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(WEIGHT_UNITS);
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
    }
  });
});
