import { describe, expect, it } from "vitest";
import { clientAddress, reportedAddress } from "./client-address";

describe("the client address", () => {
  it("ignores X-Forwarded-For when no proxy is trusted (the client wrote it)", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, 0)).toBeNull();
    expect(clientAddress(undefined, 0)).toBeNull();
  });

  it("takes the entry the outermost trusted proxy appended", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" };
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": ["6.6.6.6", "2001:db8::1"] }, 1)).toBe("2001:db8::1");
  });

  it("falls back to the first entry when fewer proxies appended than are trusted", () => {
    expect(clientAddress({ "x-forwarded-for": "198.51.100.7" }, 2)).toBe("198.51.100.7");
  });

  it("rejects what is not an address", () => {
    expect(clientAddress({ "x-forwarded-for": "<script>" }, 1)).toBeNull();
    expect(clientAddress({}, 1)).toBeNull();
  });
});

describe("the address a session list shows", () => {
  it("is the trusted address when proxies are configured, else the reported one marked unverified", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 10.0.0.2" };
    expect(reportedAddress(headers, 1)).toEqual({ address: "10.0.0.2", verified: true });
    expect(reportedAddress(headers, 0)).toEqual({ address: "10.0.0.2", verified: false });
    expect(reportedAddress(undefined, 0)).toEqual({ address: null, verified: false });
  });
});
