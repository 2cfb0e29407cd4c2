// The route handlers' side of the matrix, keyed "module METHOD". The ingest API (v1) takes an API
// key, not a session: every persona without a key is refused alike (API-key refusals are tested
// beside it in access-matrix.int.test.ts).
import { ADMIN, PUBLIC, type Allowed, type RouteEntry } from "./entry";

const url = (path: string) => `http://localhost:3000${path}`;
const NOBODY: Allowed = [];
const nothing = async () => ({ request: new Request(url("/")) });

export const ROUTE_MATRIX: Record<string, RouteEntry> = {
  "app/(console)/audit/checkpoints/route.ts GET": {
    allow: ADMIN,
    attempted: "audit.export-checkpoints",
    request: async () => ({ request: new Request(url("/audit/checkpoints")) }),
    okStatus: 200,
  },
  "app/api/health/route.ts GET": {
    allow: PUBLIC,
    request: async () => ({ request: new Request(url("/api/health")) }),
    okStatus: 200,
  },
  // next-auth's own endpoints (sign-in, sign-out, session, CSRF): public by nature, and not callable
  // outside Next (its handler reads next/headers itself). Sign-in is tested in lib/auth.
  "app/api/auth/[...nextauth]/route.ts GET": { allow: PUBLIC, nextAuth: true, request: nothing, okStatus: 200 },
  "app/api/auth/[...nextauth]/route.ts POST": { allow: PUBLIC, nextAuth: true, request: nothing, okStatus: 200 },
  // Token prices value every cluster: limited operators are refused, as are viewers by role.
  "app/api/earnings/upload/route.ts POST": {
    allow: ADMIN,
    attempted: "earnings.upload",
    request: async () => ({
      request: new Request(url("/api/earnings/upload?kind=prices&fileName=p.csv"), {
        method: "POST",
        body: "symbol,date,usd\nMTX,2026-11-01,1.25\n",
      }),
    }),
    okStatus: 200,
  },
  "app/api/tasks/[clusterId]/[upid]/route.ts GET": {
    allow: ["admin", "operatorAssigned"],
    attempted: "tasks.read",
    request: async (s) => ({
      request: new Request(url(`/api/tasks/${s.x.id}/${encodeURIComponent(s.upid)}`)),
      params: { clusterId: s.x.id, upid: s.upid },
    }),
    okStatus: 200,
  },
  "app/api/v1/prices/route.ts POST": {
    allow: NOBODY,
    request: async () => ({
      request: new Request(url("/api/v1/prices"), { method: "POST", body: JSON.stringify({ prices: [] }) }),
    }),
    okStatus: 200,
  },
  "app/api/v1/revenue/route.ts POST": {
    allow: NOBODY,
    request: async () => ({
      request: new Request(url("/api/v1/revenue"), { method: "POST", body: JSON.stringify({ entries: [] }) }),
    }),
    okStatus: 200,
  },
};
