// The role × action matrix (issue 14): every exported server action and route handler, found on
// disk, called as admin, operator assigned to the cluster, operator not assigned, viewer, signed
// out and disabled. Allowed calls get past the checks (and succeed where the entry says so);
// refused ones answer unauthenticated/forbidden, are recorded in the audit trail when a member
// made them, and change nothing — no row, no task or guest on the simulated cluster.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { ACTION_MATRIX } from "@/test/access-matrix/actions-matrix";
import {
  discoverActions,
  discoverRoutes,
  filesDeclaringUseServer,
  serverActionModules,
  type RouteHandler,
} from "@/test/access-matrix/discover";
import { ROUTE_MATRIX } from "@/test/access-matrix/routes-matrix";
import { createScene, PERSONAS, type Persona, type Scene } from "@/test/access-matrix/scene";
import { lastSeq, refusalsSince, snapshot } from "@/test/access-matrix/snapshot";
import { setSessionCookie } from "@/test/request-scope";

vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: (await import("@/test/request-scope")).sessionFromJar,
}));

process.env.NEXTAUTH_URL ??= "http://localhost:3000";

let scene: Scene;
let actions: Map<string, (input: unknown) => Promise<unknown>>;
let routes: Map<string, RouteHandler>;

beforeAll(async () => {
  scene = await createScene();
  actions = await discoverActions();
  routes = await discoverRoutes();
}, 60_000);
afterAll(() => scene?.sim.close());

const signInAs = (as: Persona) => setSessionCookie(as === "signedOut" ? null : scene.cookies[as]);
/** Refused personas first: their calls must leave the state every later call starts from. */
const order = (allow: readonly Persona[]) => [...PERSONAS].sort((a, b) => +allow.includes(a) - +allow.includes(b));
const signedIn = (as: Persona) => as !== "signedOut" && as !== "disabled";

describe("the matrix covers every entry point", () => {
  it("every 'use server' file is an actions module the matrix reads", () => {
    expect(filesDeclaringUseServer()).toEqual(serverActionModules());
  });

  it("every exported server action has an entry, and every entry an action", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTION_MATRIX).sort());
  });

  it("every route handler method has an entry, and every entry a handler", () => {
    expect([...routes.keys()].sort()).toEqual(Object.keys(ROUTE_MATRIX).sort());
  });
});

describe("server actions", () => {
  it.each(Object.keys(ACTION_MATRIX))("%s", async (key) => {
    const entry = ACTION_MATRIX[key]!;
    const action = actions.get(key);
    expect(action, `${key} is not exported`).toBeDefined();
    for (const as of order(entry.allow)) {
      const input = await entry.input(scene, as);
      // A task an allowed call started (a migration) may still be moving a guest: let it finish first.
      await vi.waitFor(() => expect(scene.sim.cluster.tasks().filter((t) => t.status === "running")).toEqual([]), {
        timeout: 15_000,
        interval: 50,
      });
      const before = await snapshot(scene);
      const seq = await lastSeq();
      signInAs(as);
      const result = (await action!(input)) as ActionResult<unknown>;
      setSessionCookie(null);
      const who = `${key} as ${as}`;
      if (entry.allow.includes(as)) {
        expect(result.ok || result.code !== "unauthenticated", `${who}: ${JSON.stringify(result)}`).toBe(true);
        if (signedIn(as)) expect(await refusalsSince(seq, scene.users[as].id), who).toBe(0);
        if (entry.succeeds) expect(result, who).toMatchObject({ ok: true });
        continue;
      }
      expect(result, who).toMatchObject({ ok: false, code: signedIn(as) ? "forbidden" : "unauthenticated" });
      expect(await snapshot(scene), `${who} changed something`).toEqual(before);
      if (signedIn(as)) expect(await refusalsSince(seq, scene.users[as].id), who).toBe(1);
    }
  });
});

describe("route handlers", () => {
  it.each(Object.keys(ROUTE_MATRIX))("%s", async (key) => {
    const entry = ROUTE_MATRIX[key]!;
    const handler = routes.get(key)!;
    if (entry.nextAuth) {
      const source = readFileSync(path.resolve(import.meta.dirname, "..", key.split(" ")[0]!), "utf8");
      expect(source).toMatch(/return NextAuth\(authOptions\(\)\)\(request, context\)/);
      return;
    }
    for (const as of order(entry.allow)) {
      const { request, params } = await entry.request(scene, as);
      const before = await snapshot(scene);
      const seq = await lastSeq();
      signInAs(as);
      const response = await handler(request, { params: Promise.resolve(params ?? {}) });
      await response.text();
      setSessionCookie(null);
      const who = `${key} as ${as}`;
      if (entry.allow.includes(as)) {
        expect(response.status, who).toBe(entry.okStatus);
        continue;
      }
      expect(response.status, who).toBe(signedIn(as) && entry.attempted ? 403 : 401);
      expect(await snapshot(scene), `${who} changed something`).toEqual(before);
      if (signedIn(as) && entry.attempted)
        expect(await refusalsSince(seq, scene.users[as].id, entry.attempted), who).toBe(1);
    }
  });
});
