// One API request through pveproxy's pipeline: faults → format → token auth (401, delayed) →
// route (501) → permission (403) → proxy to node (595 when offline) → parameters (400) →
// handler (500 on die) → envelope.
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkPermission, PermissionDenied } from "./auth";
import type { Principal } from "./auth";
import type { Runtime } from "./context";
import { Paged, RawJson } from "./context";
import { ApiError, paramError } from "./errors";
import { matchRoute } from "./router";
import type { RawParams } from "./validate";
import { typedParams, validateParams } from "./validate";

export interface ApiHooks {
  rt: Runtime;
  authenticate(header: string | undefined): Principal | undefined;
  authFailureDelayMs: number;
  /** Records the request and returns a function to record the status it got and the parameters it carried. */
  record(method: string, path: string, authorization: string | undefined): RecordDone;
}

export type RecordDone = (status: number, params?: Readonly<Record<string, string>>) => void;

const MAX_BODY = 64 * 1024;

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return {
    Server: "pve-api-daemon/3.0",
    "Cache-Control": "max-age=0",
    Pragma: "no-cache",
    Expires: new Date().toUTCString(),
    ...extra,
  };
}

export function sendEmpty(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, reason, headers({ "Content-Length": "0" }));
  res.end();
}

function sendJson(res: ServerResponse, status: number, reason: string, body: unknown): void {
  sendText(res, status, JSON.stringify(body), reason);
}

function sendText(res: ServerResponse, status: number, text: string, reason = "OK"): void {
  res.writeHead(
    status,
    reason,
    headers({ "Content-Type": "application/json;charset=UTF-8", "Content-Length": String(Buffer.byteLength(text)) }),
  );
  res.end(text);
}

function sendError(res: ServerResponse, extjs: boolean, e: ApiError): void {
  const message = e.message.endsWith("\n") ? e.message : `${e.message}\n`;
  const body: Record<string, unknown> = { data: null, message };
  if (e.errors && Object.keys(e.errors).length > 0) body.errors = e.errors;
  // The reason phrase is the message's first line; Node refuses control characters there.
  const reason = (message.split("\n")[0] ?? "").replace(/[^\x20-\x7e]/g, "?");
  if (extjs) sendJson(res, 200, "OK", { ...body, success: 0, status: e.status });
  else sendJson(res, e.status, reason, body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new ApiError(413, "request entity too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function requestParams(req: IncomingMessage, url: URL): Promise<RawParams> {
  const params: RawParams = {};
  if (req.method === "POST" || req.method === "PUT") {
    const text = await readBody(req);
    const type = req.headers["content-type"] ?? "";
    if (text && type.includes("application/json")) {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) Object.assign(params, parsed);
    } else if (text) {
      for (const [k, v] of new URLSearchParams(text)) params[k] = v;
    }
  }
  // Query parameters override body ones, as pveproxy merges them.
  for (const [k, v] of url.searchParams) params[k] = v;
  delete params._dc;
  return params;
}

export async function handleApi(hooks: ApiHooks, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  const rawUrl = req.url ?? "/";
  const auth = req.headers.authorization;
  const done = hooks.record(method, rawUrl, auth);
  let received: Record<string, string> | undefined;
  res.on("finish", () => done(res.statusCode, received));
  const url = new URL(rawUrl, "https://sim.invalid");
  const m = /^\/api2\/([a-z][a-z0-9]+)(\/.*)?$/.exec(url.pathname);
  if (!m || (m[1] !== "json" && m[1] !== "extjs")) {
    sendJson(res, 501, "no such uri", { data: null, message: "no such uri\n" });
    return;
  }
  const extjs = m[1] === "extjs";
  const path = m[2] ?? "/";
  const who = hooks.authenticate(auth);
  if (!who) {
    // pveproxy delays every 401 (~3 s) to slow down guessing.
    await new Promise((r) => setTimeout(r, hooks.authFailureDelayMs));
    sendEmpty(res, 401, auth ? "Authentication failed!" : "No ticket");
    return;
  }
  try {
    const found = matchRoute(method, path);
    if (!found) throw new ApiError(501, `Method '${method} ${path}' not implemented`);
    const { route, pathParams } = found;
    try {
      checkPermission(who, route.schema.permissions?.check, pathParams);
    } catch (e) {
      if (e instanceof PermissionDenied) throw new ApiError(403, e.message);
      throw e;
    }
    if (route.schema.proxyto === "node" && pathParams.node) {
      const node = hooks.rt.model.nodes.find((n) => n.name === pathParams.node);
      if (!node)
        throw new ApiError(
          500,
          `hostname lookup '${pathParams.node}' failed - failed to get address info for: ${pathParams.node}: Name or service not known`,
        );
      if (!node.online && node.name !== hooks.rt.localNode().name) {
        sendEmpty(res, 595, "No route to host");
        return;
      }
    }
    let params: RawParams;
    try {
      params = await requestParams(req, url);
      received = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError(400, "malformed JSON string");
    }
    for (const [k, v] of Object.entries(pathParams)) {
      if (params[k] !== undefined && String(params[k]) !== v)
        throw paramError({ [k]: "duplicate parameter (already defined in URI) with conflicting values!" });
      params[k] = v;
    }
    const errors = validateParams(route.schema, params);
    if (Object.keys(errors).length > 0) throw paramError(errors);
    const result = await route.handler({ rt: hooks.rt, who, params: typedParams(params) });
    if (result instanceof RawJson) {
      sendText(res, 200, `{"data":${result.json}${extjs ? ',"success":1' : ""}}`);
      return;
    }
    const body = result instanceof Paged ? { data: result.data, total: result.total } : { data: result ?? null };
    sendJson(res, 200, "OK", extjs ? { ...body, success: 1 } : body);
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(500, e instanceof Error ? e.message : String(e));
    if (!res.headersSent) sendError(res, extjs, err);
  }
}
