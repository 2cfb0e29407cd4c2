import { describe, expect, it } from "vitest";
import { describeErrorKind, staleAfterMs, syncStatus, type SyncStatusInput } from "./staleness";

const now = new Date("2026-11-28T12:00:00Z");
const ago = (ms: number): Date => new Date(now.getTime() - ms);
const healthy: SyncStatusInput = {
  enabled: true,
  lastSyncAt: ago(12_000),
  lastErrorAt: null,
  lastErrorKind: null,
  lastErrorMessage: null,
  pendingFingerprint: null,
  syncIntervalSeconds: null,
};

describe("syncStatus", () => {
  it("is fresh within a few intervals of the last success", () => {
    expect(syncStatus(healthy, now, 15)).toEqual({ freshness: "fresh", ageMs: 12_000, error: null });
    expect(syncStatus({ ...healthy, lastSyncAt: ago(59_000) }, now, 15).freshness).toBe("fresh");
  });

  it("goes stale when syncs stop arriving, honouring a per-cluster interval", () => {
    expect(syncStatus({ ...healthy, lastSyncAt: ago(61_000) }, now, 15).freshness).toBe("stale");
    expect(syncStatus({ ...healthy, lastSyncAt: ago(61_000), syncIntervalSeconds: 60 }, now, 15).freshness).toBe(
      "fresh",
    );
    expect(staleAfterMs(60)).toBe(180_000);
    expect(staleAfterMs(5)).toBe(60_000);
  });

  it("is stale at once when the latest attempt failed, and carries the error", () => {
    const failed = {
      ...healthy,
      lastSyncAt: ago(300_000),
      lastErrorAt: ago(2_000),
      lastErrorKind: "unreachable",
      lastErrorMessage: "connection refused",
    };
    expect(syncStatus(failed, now, 15)).toEqual({
      freshness: "stale",
      ageMs: 300_000,
      error: { kind: "unreachable", message: "connection refused" },
    });
  });

  it("ignores an error older than the last success", () => {
    const recovered = { ...healthy, lastErrorAt: ago(60_000), lastErrorKind: "unreachable", lastErrorMessage: "x" };
    expect(syncStatus(recovered, now, 15)).toMatchObject({ freshness: "fresh", error: null });
  });

  it("says never, disabled and certificate changed before anything else", () => {
    expect(syncStatus({ ...healthy, lastSyncAt: null }, now, 15)).toEqual({
      freshness: "never",
      ageMs: null,
      error: null,
    });
    const neverOk = {
      ...healthy,
      lastSyncAt: null,
      lastErrorAt: ago(1_000),
      lastErrorKind: "unauthenticated",
      lastErrorMessage: "401",
    };
    expect(syncStatus(neverOk, now, 15)).toMatchObject({ freshness: "never", error: { kind: "unauthenticated" } });
    expect(syncStatus({ ...healthy, enabled: false }, now, 15).freshness).toBe("disabled");
    expect(syncStatus({ ...healthy, enabled: false, pendingFingerprint: "AA:BB" }, now, 15).freshness).toBe(
      "certificate_changed",
    );
  });
});

it("describes error kinds plainly, with a fallback", () => {
  expect(describeErrorKind("unreachable")).toBe("unreachable");
  expect(describeErrorKind("tls_fingerprint_mismatch")).toBe("certificate changed");
  expect(describeErrorKind("something_new")).toBe("sync failed");
});
