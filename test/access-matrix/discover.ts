// Every entry point a browser or a script can call, found on disk rather than listed by hand, so a
// new server action or route handler without a matrix entry fails the test: the exports of the
// "use server" modules (lib/**/actions.ts, lib/**/*-actions.ts) and the HTTP methods of
// app/**/route.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return walk(rel, keep);
    return keep(entry.name) ? [rel] : [];
  });
}

export function serverActionModules(): string[] {
  return walk("lib", (name) => /^([a-z-]+-)?actions\.ts$/.test(name)).sort();
}

/**
 * Files anywhere in lib/, app/ or components/ with a "use server" directive (module-level or
 * inline in a function): each must be one of serverActionModules, or the matrix would miss it.
 */
export function filesDeclaringUseServer(): string[] {
  const source = (name: string) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name);
  return ["lib", "app", "components"]
    .flatMap((dir) => walk(dir, source))
    .filter((rel) => /^\s*["']use server["'];?\s*$/m.test(readFileSync(path.join(ROOT, rel), "utf8")))
    .sort();
}

export function routeModules(): string[] {
  return walk("app", (name) => name === "route.ts").sort();
}

export async function importModule(rel: string): Promise<Record<string, unknown>> {
  return import(/* @vite-ignore */ path.join(ROOT, rel));
}

/** "lib/team/actions.ts#inviteMemberAction" for each exported function of each "use server" module. */
export async function discoverActions(): Promise<Map<string, (input: unknown) => Promise<unknown>>> {
  const found = new Map<string, (input: unknown) => Promise<unknown>>();
  for (const rel of serverActionModules()) {
    for (const [name, value] of Object.entries(await importModule(rel))) {
      if (typeof value === "function") found.set(`${rel}#${name}`, value as (input: unknown) => Promise<unknown>);
    }
  }
  return found;
}

export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, unknown>> },
) => Promise<Response>;

/** "app/api/health/route.ts GET" for each HTTP method each route module exports. */
export async function discoverRoutes(): Promise<Map<string, RouteHandler>> {
  const found = new Map<string, RouteHandler>();
  for (const rel of routeModules()) {
    const mod = await importModule(rel);
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === "function") found.set(`${rel} ${method}`, mod[method] as RouteHandler);
    }
  }
  return found;
}
