import { describe, expect, it } from "vitest";
import { siteHealth } from "./site-health";

const now = new Date("2026-11-28T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("siteHealth", () => {
  it("is up or degraded while syncs are recent", () => {
    expect(siteHealth({ health: "healthy", lastSyncAt: ago(10), syncIntervalSeconds: 15, now })).toBe("up");
    expect(siteHealth({ health: "degraded", lastSyncAt: ago(40), syncIntervalSeconds: 15, now })).toBe("degraded");
  });

  it("is stale after three missed intervals, or when never synced", () => {
    expect(siteHealth({ health: "healthy", lastSyncAt: ago(46), syncIntervalSeconds: 15, now })).toBe("stale");
    expect(siteHealth({ health: "healthy", lastSyncAt: ago(46), syncIntervalSeconds: 60, now })).toBe("up");
    expect(siteHealth({ health: "unknown", lastSyncAt: null, syncIntervalSeconds: 15, now })).toBe("stale");
  });

  it("is down when the last attempt failed, however recent the last success", () => {
    expect(siteHealth({ health: "down", lastSyncAt: ago(5), syncIntervalSeconds: 15, now })).toBe("down");
    expect(siteHealth({ health: "down", lastSyncAt: null, syncIntervalSeconds: 15, now })).toBe("down");
  });
});
