// Pure hash-chain arithmetic for the audit trail: what an event's hash covers, and how a run of
// events is checked. No I/O here, so the rules are tested without a database.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedContent {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  payload: unknown;
  prevHash: string;
}

export interface StoredEvent extends ChainedContent {
  seq: bigint;
  hash: string;
}

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** SHA-256 over exactly the chained fields (a stored event's seq and hash are not part of it). */
export function hashEvent(event: ChainedContent): string {
  const { at, actorId, actorLabel, action, targetType, targetId, payload, prevHash } = event;
  const body = canonicalJson({
    at: at.toISOString(),
    actorId,
    actorLabel,
    action,
    targetType,
    targetId,
    payload,
    prevHash,
  });
  return createHash("sha256").update(body).digest("hex");
}

export type ChainBreak = { seq: bigint; reason: "content-altered" | "link-broken" };

/**
 * Checks events given in `seq` order, continuing from `previousHash` (the hash of the event
 * before the first one, or the genesis hash). Returns the first break, or null.
 */
export function findBreak(events: readonly StoredEvent[], previousHash: string): ChainBreak | null {
  let expectedPrev = previousHash;
  for (const event of events) {
    if (event.prevHash !== expectedPrev) return { seq: event.seq, reason: "link-broken" };
    if (hashEvent(event) !== event.hash) return { seq: event.seq, reason: "content-altered" };
    expectedPrev = event.hash;
  }
  return null;
}

const SECRET_KEY = /pass(word)?|secret|token|key|hash|authorization|cookie/i;

/**
 * A number as it will read back from the database. PostgreSQL's jsonb keeps at most 16 significant
 * digits of a double (400 / 7 is written 57.142857142857146 and read 57.14285714285715), so a
 * fraction hashed as JS prints it would no longer match its own hash: fractions are kept to 15.
 */
function storableNumber(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return Number.isInteger(value) ? value : Number(value.toPrecision(15));
}

/** Drops anything that looks like a credential before it is written to the trail. */
export function redact(payload: unknown): unknown {
  if (Array.isArray(payload)) return payload.map(redact);
  if (payload instanceof Date) return payload.toISOString();
  if (typeof payload === "number") return storableNumber(payload);
  if (payload === null || typeof payload !== "object") return payload;
  return Object.fromEntries(
    Object.entries(payload as Record<string, unknown>)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, value]) => [key, redact(value)]),
  );
}
