import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./callback-url";

const ORIGIN = "https://sovereign.test";

describe("the sign-in callback", () => {
  it.each([
    "/\\evil.example",
    "/%5Cevil.example",
    "//evil.example",
    "///evil.example",
    "\\\\evil.example",
    "https://evil.example/team",
    "http://sovereign.test/team",
    "javascript:alert(1)",
    "data:text/html,hi",
    "/\t/evil.example",
    "https://sovereign.test@evil.example/",
  ])("keeps %s on this origin", (value) => {
    const path = sameOriginPath(decodeURIComponent(value), ORIGIN);
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
  });

  it("sends links off-site to the overview", () => {
    expect(sameOriginPath("/\\evil.example", ORIGIN)).toBe("/");
    expect(sameOriginPath("//evil.example/x", ORIGIN)).toBe("/");
    expect(sameOriginPath("https://evil.example", ORIGIN)).toBe("/");
  });

  it("keeps same-origin paths with their query and fragment", () => {
    expect(sameOriginPath("/governance/42?tab=votes#ballot", ORIGIN)).toBe("/governance/42?tab=votes#ballot");
    expect(sameOriginPath("https://sovereign.test/team", ORIGIN)).toBe("/team");
    expect(sameOriginPath(null, ORIGIN)).toBe("/");
    expect(sameOriginPath("", ORIGIN)).toBe("/");
  });
});
