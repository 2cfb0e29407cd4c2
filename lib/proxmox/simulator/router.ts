// Maps `/api2/json/<path>` to the implemented schema methods and their handlers.
import type { Handler } from "./context";
import { clusterHandlers } from "./handlers-cluster";
import { guestHandlers } from "./handlers-guest";
import { migrateHandlers } from "./handlers-migrate";
import { nodeHandlers } from "./handlers-node";
import { remoteMigrateHandlers } from "./handlers-remote-migrate";
import { taskHandlers } from "./handlers-tasks";
import type { MethodSchema } from "./schema";
import { methodSchema } from "./schema";
import { IMPLEMENTED_METHODS } from "./schema/methods";

export interface Route {
  key: string;
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  schema: MethodSchema;
  handler: Handler;
}

const HANDLERS: Record<string, Handler> = {
  ...clusterHandlers,
  ...nodeHandlers,
  ...taskHandlers,
  ...guestHandlers,
  ...migrateHandlers,
  ...remoteMigrateHandlers,
};

function compile(key: string): Route {
  const [method = "GET", template = "/"] = key.split(" ");
  const names: string[] = [];
  const source = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const handler = HANDLERS[key];
  if (!handler) throw new Error(`no handler for ${key}`);
  return { key, method, template, regex: new RegExp(`^${source}/?$`), names, schema: methodSchema(key), handler };
}

const ROUTES: Route[] = IMPLEMENTED_METHODS.map(compile);

/** Finds the route for a method and a path below /api2/json; path parameters are decoded. */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; pathParams: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.regex.exec(path);
    if (!m) continue;
    const pathParams: Record<string, string> = {};
    route.names.forEach((n, i) => (pathParams[n] = decodeURIComponent(m[i + 1] ?? "")));
    return { route, pathParams };
  }
  return undefined;
}

export function implementedKeys(): string[] {
  return ROUTES.map((r) => r.key);
}
