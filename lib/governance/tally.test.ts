import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/random";
import { tally, type TallyInput, type VoteChoice } from "./tally";

const CHOICES: VoteChoice[] = ["for", "against", "abstain"];
const pick = (random: () => number): VoteChoice => CHOICES[Math.floor(random() * 3)] ?? "abstain";

function randomInput(random: () => number): TallyInput {
  const voters = Math.floor(random() * 12);
  const votes = Array.from({ length: voters }, () => ({
    choice: pick(random),
    weight: Math.floor(random() * 200_000),
  }));
  const voted = votes.reduce((sum, vote) => sum + vote.weight, 0);
  // Eligible weight includes members who did not vote.
  const eligibleWeight = voted + Math.floor(random() * 500_000);
  return { eligibleWeight, quorumPct: Math.floor(random() * 101), thresholdPct: 1 + Math.floor(random() * 100), votes };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  // Sorting by random keys is an unbiased enough shuffle for a property test.
  return items
    .map((item) => ({ item, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

const RUNS = 2_000;

describe("tally: examples", () => {
  it("counts abstentions toward participation only", () => {
    const result = tally({
      eligibleWeight: 100,
      quorumPct: 50,
      thresholdPct: 67,
      votes: [
        { choice: "for", weight: 20 },
        { choice: "abstain", weight: 40 },
      ],
    });
    expect(result).toMatchObject({
      for: 20,
      abstain: 40,
      participating: 60,
      quorumReached: true,
      support: 1,
      passes: true,
    });
  });

  it("the exact threshold passes and one unit less fails", () => {
    // 100 units, no quorum, a 67 % threshold: only the split between for and against varies.
    const split = (forWeight: number, againstWeight: number) =>
      tally({
        eligibleWeight: 100,
        quorumPct: 0,
        thresholdPct: 67,
        votes: [
          { choice: "for", weight: forWeight },
          { choice: "against", weight: againstWeight },
        ],
      });
    const at = split(67, 33);
    expect(at.passes).toBe(true);
    const below = split(66, 34);
    expect(below.passes).toBe(false);
    // 2 of 3 is 66.67 %: below a 67 % threshold, exactly, with no rounding slack.
    expect(
      tally({
        eligibleWeight: 3,
        quorumPct: 0,
        thresholdPct: 67,
        votes: [
          { choice: "for", weight: 2 },
          { choice: "against", weight: 1 },
        ],
      }).passes,
    ).toBe(false);
  });

  it("the exact quorum passes and one unit less fails", () => {
    const votes = (weight: number) => [{ choice: "for" as const, weight }];
    expect(
      tally({ eligibleWeight: 1_000_000, quorumPct: 50, thresholdPct: 67, votes: votes(500_000) }).quorumReached,
    ).toBe(true);
    expect(
      tally({ eligibleWeight: 1_000_000, quorumPct: 50, thresholdPct: 67, votes: votes(499_999) }).quorumReached,
    ).toBe(false);
    expect(tally({ eligibleWeight: 1_000_000, quorumPct: 50, thresholdPct: 67, votes: votes(499_999) }).passes).toBe(
      false,
    );
  });

  it("never passes with nothing eligible or only abstentions", () => {
    expect(tally({ eligibleWeight: 0, quorumPct: 0, thresholdPct: 67, votes: [] }).passes).toBe(false);
    const abstained = tally({
      eligibleWeight: 10,
      quorumPct: 50,
      thresholdPct: 67,
      votes: [{ choice: "abstain", weight: 10 }],
    });
    expect(abstained).toMatchObject({ quorumReached: true, support: null, passes: false });
  });

  it("refuses weights that are not non-negative integers", () => {
    expect(() =>
      tally({ eligibleWeight: 10, quorumPct: 50, thresholdPct: 67, votes: [{ choice: "for", weight: -1 }] }),
    ).toThrow(RangeError);
    expect(() => tally({ eligibleWeight: 1.5, quorumPct: 50, thresholdPct: 67, votes: [] })).toThrow(RangeError);
    expect(() => tally({ eligibleWeight: 10, quorumPct: 101, thresholdPct: 67, votes: [] })).toThrow(RangeError);
  });
});

describe("tally: properties (seeded)", () => {
  it("is invariant under the order of the votes", () => {
    const random = seededRandom(0x5eed_0001);
    for (let run = 0; run < RUNS; run++) {
      const input = randomInput(random);
      expect(tally({ ...input, votes: shuffled(input.votes, random) })).toEqual(tally(input));
    }
  });

  it("adding a for vote never turns a pass into a fail", () => {
    const random = seededRandom(0x5eed_0002);
    let passesSeen = 0;
    for (let run = 0; run < RUNS; run++) {
      const input = randomInput(random);
      const before = tally(input);
      const weight = Math.floor(random() * 100_000);
      const after = tally({
        ...input,
        eligibleWeight: input.eligibleWeight + weight,
        votes: [...input.votes, { choice: "for", weight }],
      });
      // Also a member who was eligible all along and now votes for.
      const fromEligible = tally({ ...input, eligibleWeight: input.eligibleWeight + weight, votes: input.votes });
      const fromEligibleAfter = tally({
        ...input,
        eligibleWeight: input.eligibleWeight + weight,
        votes: [...input.votes, { choice: "for", weight }],
      });
      if (before.passes) {
        passesSeen++;
        expect(after.passes).toBe(true);
      }
      if (fromEligible.passes) expect(fromEligibleAfter.passes).toBe(true);
    }
    // Guard against a generator that never produces a pass (the property would hold vacuously).
    expect(passesSeen).toBeGreaterThan(RUNS / 10);
  });

  it("passes exactly at the threshold boundary and fails just below it", () => {
    const random = seededRandom(0x5eed_0003);
    for (let run = 0; run < RUNS; run++) {
      const thresholdPct = 1 + Math.floor(random() * 100);
      // Choose a decisive total that makes the boundary an integer: for = threshold × k.
      const k = 1 + Math.floor(random() * 1_000);
      const decisive = 100 * k;
      const forWeight = thresholdPct * k;
      const input = { eligibleWeight: decisive, quorumPct: 0, thresholdPct };
      expect(
        tally({
          ...input,
          votes: [
            { choice: "for", weight: forWeight },
            { choice: "against", weight: decisive - forWeight },
          ],
        }).passes,
      ).toBe(true);
      expect(
        tally({
          ...input,
          votes: [
            { choice: "for", weight: forWeight - 1 },
            { choice: "against", weight: decisive - forWeight + 1 },
          ],
        }).passes,
      ).toBe(false);
    }
  });

  it("reaches quorum exactly at the boundary, whatever the choices", () => {
    const random = seededRandom(0x5eed_0004);
    for (let run = 0; run < RUNS; run++) {
      const quorumPct = 1 + Math.floor(random() * 100);
      const k = 1 + Math.floor(random() * 1_000);
      const eligibleWeight = 100 * k;
      const needed = quorumPct * k;
      const choice = pick(random);
      expect(
        tally({ eligibleWeight, quorumPct, thresholdPct: 50, votes: [{ choice, weight: needed }] }).quorumReached,
      ).toBe(true);
      expect(
        tally({ eligibleWeight, quorumPct, thresholdPct: 50, votes: [{ choice, weight: needed - 1 }] }).quorumReached,
      ).toBe(false);
    }
  });

  it("passes if and only if both rules hold", () => {
    const random = seededRandom(0x5eed_0005);
    for (let run = 0; run < RUNS; run++) {
      const input = randomInput(random);
      const result = tally(input);
      const f = input.votes.filter((v) => v.choice === "for").reduce((s, v) => s + v.weight, 0);
      const a = input.votes.filter((v) => v.choice === "against").reduce((s, v) => s + v.weight, 0);
      const p = input.votes.reduce((s, v) => s + v.weight, 0);
      const expected =
        input.eligibleWeight > 0 &&
        p * 100 >= input.quorumPct * input.eligibleWeight &&
        f + a > 0 &&
        f * 100 >= input.thresholdPct * (f + a);
      expect(result.passes).toBe(expected);
    }
  });
});
