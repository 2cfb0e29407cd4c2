// Real-HTTPS helpers for the simulator's own tests: every call trusts only the cluster's CA,
// as a client that imported pve-root-ca.pem would.
import https from "node:https";
import tls from "node:tls";
import type { SimulatedCluster } from "@/lib/proxmox/simulator/public-types";
import type { PropSchema } from "@/lib/proxmox/simulator/schema";
import { jsPattern } from "@/lib/proxmox/simulator/schema";

export interface Answer {
  status: number;
  reason: string;
  text: string;
  json:
    { data?: unknown; message?: string; errors?: Record<string, string>; total?: number; success?: number } | undefined;
}

export function call(
  c: SimulatedCluster,
  method: string,
  path: string,
  o: { auth?: string | null; form?: Record<string, string>; json?: unknown; timeoutMs?: number; format?: string } = {},
): Promise<Answer> {
  const url = new URL(c.url);
  const auth = o.auth === undefined ? c.tokens[0]?.header : o.auth;
  const body = o.form
    ? new URLSearchParams(o.form).toString()
    : o.json !== undefined
      ? JSON.stringify(o.json)
      : undefined;
  const headers: Record<string, string> = {};
  if (auth) headers.Authorization = auth;
  if (body !== undefined) headers["Content-Type"] = o.form ? "application/x-www-form-urlencoded" : "application/json";
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: `/api2/${o.format ?? "json"}${path}`,
        ca: c.caPem,
        headers,
        agent: false,
        timeout: o.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: Answer["json"];
          try {
            json = text ? (JSON.parse(text) as Answer["json"]) : undefined;
          } catch {
            json = undefined; // empty or non-JSON bodies are asserted on through `text`
          }
          resolve({ status: res.statusCode ?? 0, reason: res.statusMessage ?? "", text, json });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("client timeout")));
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Connects with a pinned fingerprint and sends the request only when the leaf matches. */
export function pinnedCall(c: SimulatedCluster, path: string, fingerprint: string): Promise<number> {
  const url = new URL(c.url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: url.hostname, port: Number(url.port), rejectUnauthorized: false });
    socket.once("secureConnect", () => {
      if (socket.getPeerCertificate().fingerprint256 !== fingerprint) {
        socket.destroy();
        reject(new Error("fingerprint mismatch"));
        return;
      }
      const req = https.request(
        {
          host: url.hostname,
          port: url.port,
          path: `/api2/json${path}`,
          headers: { Authorization: c.tokens[0]?.header ?? "" },
          createConnection: () => socket,
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end();
    });
    socket.once("error", reject);
  });
}

export async function waitTask(
  c: SimulatedCluster,
  node: string,
  upid: string,
  timeoutMs = 5_000,
): Promise<Record<string, unknown>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await call(c, "GET", `/nodes/${node}/tasks/${encodeURIComponent(upid)}/status`);
    const data = r.json?.data as Record<string, unknown> | undefined;
    if (data?.status === "stopped") return data;
    if (Date.now() > end) throw new Error(`task ${upid} still running`);
    await new Promise((res) => setTimeout(res, 10));
  }
}

/**
 * Checks a value against a schema `returns` definition: types (booleans strictly 0/1, as
 * Proxmox emits them), required properties, enums, patterns and minimums. Extra properties
 * are allowed, because PVE returns more than it documents.
 */
export function schemaErrors(value: unknown, schema: PropSchema | undefined, at = "data"): string[] {
  if (!schema) return [];
  const optional = schema.optional === 1 || schema.optional === true;
  if (value === undefined || value === null) {
    if (schema.type === "null") return [];
    return optional ? [] : [`${at}: missing`];
  }
  const type = Array.isArray(schema.type) ? undefined : schema.type;
  const errs: string[] = [];
  if (type === "boolean" && value !== 0 && value !== 1)
    errs.push(`${at}: boolean must be 0/1, got ${JSON.stringify(value)}`);
  if (type === "integer" && !Number.isInteger(value)) errs.push(`${at}: not an integer: ${JSON.stringify(value)}`);
  if (type === "number" && typeof value !== "number") errs.push(`${at}: not a number: ${JSON.stringify(value)}`);
  if (type === "string" && typeof value !== "string") errs.push(`${at}: not a string: ${JSON.stringify(value)}`);
  if (type === "array") {
    if (!Array.isArray(value)) return [`${at}: not an array`];
    value.forEach((v, i) => errs.push(...schemaErrors(v, schema.items, `${at}[${i}]`)));
    return errs;
  }
  if (type === "object" || schema.properties) {
    if (typeof value !== "object" || Array.isArray(value)) return [`${at}: not an object`];
    const obj = value as Record<string, unknown>;
    for (const [k, p] of Object.entries(schema.properties ?? {})) errs.push(...schemaErrors(obj[k], p, `${at}.${k}`));
    return errs;
  }
  if (schema.enum && !schema.enum.includes(String(value)))
    errs.push(`${at}: ${JSON.stringify(value)} not in enum ${schema.enum.join("|")}`);
  if (schema.pattern && typeof value === "string" && !jsPattern(schema.pattern).test(value))
    errs.push(`${at}: does not match ${schema.pattern}`);
  if (schema.minimum !== undefined && typeof value === "number" && value < schema.minimum)
    errs.push(`${at}: below minimum ${schema.minimum}`);
  return errs;
}
