import { describe, expect, it } from "vitest";
import { formatUsd } from "./money";

describe("formatUsd", () => {
  it("keeps cents below a thousand dollars", () => {
    expect(formatUsd(12.5, { locale: "en-US" })).toBe("$12.50");
  });

  it("drops cents from a thousand dollars on", () => {
    expect(formatUsd(1234.56, { locale: "en-US" })).toBe("$1,235");
  });

  it("rounds to whole dollars when asked", () => {
    expect(formatUsd(523.4, { locale: "en-US", whole: true })).toBe("$523");
  });

  it("writes compact axis ticks", () => {
    expect(formatUsd(12_300, { locale: "en-US", compact: true })).toBe("$12.3K");
  });

  it("keeps the sign of a loss", () => {
    expect(formatUsd(-40, { locale: "en-US" })).toBe("-$40.00");
  });
});
