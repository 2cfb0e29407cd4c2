import { describe, expect, it } from "vitest";
import { isEmptyWhatIf, parseWhatIf, whatIfToSearchParams, whatIfSchema } from "./what-if";

const A = "0b6c7c1e-1111-4a2b-9c3d-000000000001";
const B = "0b6c7c1e-1111-4a2b-9c3d-000000000002";

describe("what-if in the URL", () => {
  it("reads exclusions, prices and rates, and round-trips through search params", () => {
    const parsed = parseWhatIf({
      exclude: [B, A, A.toUpperCase()],
      [`price.${A}`]: "0.31",
      "rate.network:helium": "400",
      "rate.service:trading_bot": "0",
    });
    expect(parsed).toEqual({
      excludedClusterIds: [A, B],
      electricityPrice: { [A]: 0.31 },
      rewardRates: { "network:helium": 400, "service:trading_bot": 0 },
    });
    const params = whatIfToSearchParams(parsed);
    expect(parseWhatIf(Object.fromEntries([...params.keys()].map((k) => [k, params.getAll(k)])))).toEqual(parsed);
    expect(whatIfSchema.parse(parsed)).toEqual(parsed);
  });

  it("drops what does not parse instead of failing the page", () => {
    const parsed = parseWhatIf({
      exclude: "not-a-uuid",
      [`price.${A}`]: "-1",
      "price.x": "1",
      "rate.network:helium": "abc",
      "rate.bad subject": "3",
      [`price.${B}`]: "",
    });
    expect(isEmptyWhatIf(parsed)).toBe(true);
  });
});
