import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { originOf, productionProblem, weakKeyring, weakSessionSecret, type Env } from "./env";

const strong = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://db/sovereign",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  SOVEREIGN_SECRET_KEY: randomBytes(32).toString("base64"),
  APP_URL: "https://sovereign.example.org",
} as Env;

describe("production secrets", () => {
  it("refuses the values .env.example ships with, on one line", () => {
    const problem = productionProblem(
      { ...strong, NEXTAUTH_SECRET: "local-only-change-me-to-32-random-characters" },
      undefined,
    );
    expect(problem).toMatch(/^NEXTAUTH_SECRET is the public example value: generate one with openssl/);
    expect(problem).not.toContain("\n");
    expect(
      productionProblem({ ...strong, SOVEREIGN_SECRET_KEY: "bG9jYWwtZGV2ZWxvcG1lbnQta2V5LWNoYW5nZS1tZSE=" }, undefined),
    ).toMatch(/^SOVEREIGN_SECRET_KEY contains the public example key/);
  });

  it("refuses weak ones", () => {
    expect(weakSessionSecret("a".repeat(40))).toMatch(/too few characters/);
    expect(weakSessionSecret("my-production-secret-for-the-console!!")).toMatch(/placeholder/);
    // A phrase in base64 is not a key, nor are 32 zero bytes.
    expect(weakKeyring(Buffer.from("e2e-only-key-throwaway-databases").toString("base64"))).toMatch(/phrase/);
    expect(weakKeyring(`k2:${Buffer.alloc(32).toString("base64")}`)).toMatch(/too few bytes/);
  });

  it("accepts random secrets, and anything outside production or while building", () => {
    expect(productionProblem(strong, undefined)).toBeNull();
    const weak = { ...strong, NEXTAUTH_SECRET: "local-only-change-me-to-32-random-characters" };
    expect(productionProblem({ ...weak, NODE_ENV: "development" }, undefined)).toBeNull();
    expect(productionProblem(weak, "phase-production-build")).toBeNull();
    const keyring = `k2:${randomBytes(32).toString("base64")},k1:${randomBytes(32).toString("base64")}`;
    expect(weakKeyring(keyring)).toBeNull();
  });

  it("wants NEXTAUTH_URL, when set, on APP_URL's origin", () => {
    expect(productionProblem({ ...strong, NEXTAUTH_URL: "https://sovereign.example.org/" }, undefined)).toBeNull();
    expect(productionProblem({ ...strong, NEXTAUTH_URL: "https://other.example.org" }, undefined)).toMatch(
      /same origin/,
    );
  });
});

describe("origins", () => {
  it("accepts http(s) origins only", () => {
    expect(originOf("https://sovereign.example.org/")).toBe("https://sovereign.example.org");
    expect(originOf("http://localhost:3000")).toBe("http://localhost:3000");
    for (const bad of ["ftp://x.org", "https://x.org/app", "https://u:p@x.org", "https://x.org?a=1", "x.org"]) {
      expect(originOf(bad)).toBeNull();
    }
  });
});
