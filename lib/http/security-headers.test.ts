import { describe, expect, it } from "vitest";
import {
  HSTS_VALUE,
  PERMISSIONS_POLICY,
  contentSecurityPolicy,
  createNonce,
  isServedOverHttps,
  securityHeaders,
} from "./security-headers";

const production = { nonce: "bm9uY2U=", development: false, https: false };

/** The CSP value as a map of directive → its sources, so each can be checked on its own. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with this response's nonce, and never eval in production", () => {
    const csp = directives(contentSecurityPolicy(production));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
  });

  it("refuses to be framed by anyone", () => {
    expect(directives(contentSecurityPolicy(production)).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("allows eval for React Refresh in development only", () => {
    const dev = directives(contentSecurityPolicy({ ...production, development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy(production)).get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("upgrades insecure subresources only when served over https", () => {
    expect(directives(contentSecurityPolicy(production)).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ ...production, https: true })).has("upgrade-insecure-requests")).toBe(
      true,
    );
  });
});

describe("securityHeaders", () => {
  it("sends nosniff, a same-origin referrer, no framing and the policy on every response", () => {
    const headers = securityHeaders(production);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Permissions-Policy"]).toBe(PERMISSIONS_POLICY);
    expect(headers["Content-Security-Policy"]).toBe(contentSecurityPolicy(production));
  });

  it("sends HSTS over https and not over http", () => {
    expect(securityHeaders(production)).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ ...production, https: true })["Strict-Transport-Security"]).toBe(HSTS_VALUE);
    expect(HSTS_VALUE).toMatch(/^max-age=(\d+)$/);
    expect(Number(HSTS_VALUE.split("=")[1])).toBeGreaterThanOrEqual(31_536_000);
  });
});

describe("PERMISSIONS_POLICY", () => {
  const features = new Map(
    PERMISSIONS_POLICY.split(", ").map((entry) => {
      const [name = "", allow = ""] = entry.split("=");
      return [name, allow];
    }),
  );

  it("grants geolocation and camera to this origin only", () => {
    expect(features.get("geolocation")).toBe("(self)");
    expect(features.get("camera")).toBe("(self)");
  });

  it("grants nothing else but the clipboard write of the copy buttons, and denies the rest", () => {
    const granted = [...features].filter(([, allow]) => allow !== "()").map(([name]) => name);
    expect(granted.sort()).toEqual(["camera", "clipboard-write", "geolocation"]);
    for (const denied of ["microphone", "payment", "usb", "fullscreen", "display-capture"]) {
      expect(features.get(denied)).toBe("()");
    }
    expect(features.size).toBe(PERMISSIONS_POLICY.split(", ").length);
  });
});

describe("isServedOverHttps", () => {
  it("is true when the public address or the request is https", () => {
    expect(isServedOverHttps("https://console.example.org", "http:")).toBe(true);
    expect(isServedOverHttps("http://localhost:3000", "https:")).toBe(true);
    expect(isServedOverHttps("http://localhost:3000", "http:")).toBe(false);
  });
});

describe("createNonce", () => {
  it("is 16 random bytes in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
