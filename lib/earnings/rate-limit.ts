// Per-key rate limits of the ingest API (issue 14, ingest bounds): a script gone wrong, or a key in
// the wrong hands, cannot flood the ledger or the database with requests.
//
// In memory, per process, on purpose: the ingest API serves a few scripts per federation and a
// deployment runs one web process (the worker does not answer HTTP), so the count is exact there,
// and a PostgreSQL store would add a database write to every request, on the path this limit
// protects. Behind several web processes each allows its own quota (the limit becomes N times
// the figure below): a guard against floods, not a billing meter. A restart forgets the counts.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { ApiScope } from "./api-keys";

/** Requests per key and endpoint in a rolling window: enough for batches every second, no flood. */
export const INGEST_RATE = { requests: 60, windowSeconds: 60 } as const;

const limiters = new Map<ApiScope, RateLimiterMemory>();

function limiterFor(scope: ApiScope): RateLimiterMemory {
  let limiter = limiters.get(scope);
  if (!limiter) {
    limiter = new RateLimiterMemory({
      keyPrefix: `ingest:${scope}`,
      points: INGEST_RATE.requests,
      duration: INGEST_RATE.windowSeconds,
    });
    limiters.set(scope, limiter);
  }
  return limiter;
}

export type RateCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one request of the key on the scope's endpoint; refuses it once the window's quota is used. */
export async function takeIngestRequest(keyId: string, scope: ApiScope): Promise<RateCheck> {
  try {
    await limiterFor(scope).consume(keyId);
    return { ok: true };
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    throw refusal;
  }
}

/** The 429 both ingest endpoints answer, with the seconds to wait in Retry-After. */
export function tooManyRequests(retryAfterSeconds: number) {
  return {
    status: 429 as const,
    body: {
      message: `Too many requests for this API key: at most ${INGEST_RATE.requests} per ${INGEST_RATE.windowSeconds} seconds. Retry in ${retryAfterSeconds} s.`,
    },
    headers: { "Retry-After": String(retryAfterSeconds) },
  };
}
