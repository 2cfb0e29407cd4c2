// The fault-injection endpoint: plain HTTP on its own port, never part of the PVE API, so a
// demo operator (or an out-of-process test) can break a cluster on purpose.
//   GET  /state                     faults, URL, fingerprint
//   GET  /requests   DELETE /requests   what the API server received
//   POST /latency {ms}   /down {down}   /hang {hang}   /errors {rate, status?}
//   POST /nodes/<node>/offline   /nodes/<node>/online
//   POST /disks/fail {node, devpath?}   /rotate-cert   /reset
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatedCluster } from "./public-types";

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)) });
  res.end(text);
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

const num = (v: unknown, fallback: number): number =>
  typeof v === "number" ? v : typeof v === "string" && v !== "" ? Number(v) : fallback;
const flag = (v: unknown): boolean => v === undefined || v === true || v === 1 || v === "1" || v === "true";

export async function handleControl(
  cluster: SimulatedCluster,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const path = new URL(req.url ?? "/", "http://control.invalid").pathname;
    const method = req.method ?? "GET";
    const body = method === "POST" ? await jsonBody(req) : {};
    const node = /^\/nodes\/([^/]+)\/(offline|online)$/.exec(path);
    if (method === "GET" && path === "/state") {
      return reply(res, 200, {
        name: cluster.name,
        url: cluster.url,
        fingerprint: cluster.fingerprint,
        faults: cluster.faults(),
      });
    }
    if (path === "/requests" && method === "GET") return reply(res, 200, cluster.requests);
    if (path === "/requests" && method === "DELETE") {
      cluster.clearRequests();
      return reply(res, 200, { ok: true });
    }
    if (method !== "POST") return reply(res, 404, { error: `no control route ${method} ${path}` });
    if (path === "/latency") cluster.setLatency(num(body.ms, 0));
    else if (path === "/down") await cluster.setDown(flag(body.down));
    else if (path === "/hang") cluster.setHang(flag(body.hang));
    else if (path === "/errors") cluster.setErrorRate(num(body.rate, 1), num(body.status, 500));
    else if (node) cluster.setNodeOnline(decodeURIComponent(node[1] ?? ""), node[2] === "online");
    else if (path === "/disks/fail")
      return reply(res, 200, {
        devpath: cluster.failDisk(String(body.node ?? ""), typeof body.devpath === "string" ? body.devpath : undefined),
      });
    else if (path === "/rotate-cert") return reply(res, 200, { fingerprint: await cluster.rotateCertificate() });
    else if (path === "/reset") await cluster.reset();
    else return reply(res, 404, { error: `no control route ${method} ${path}` });
    return reply(res, 200, { ok: true, faults: cluster.faults() });
  } catch (e) {
    reply(res, 400, { error: e instanceof Error ? e.message : String(e) });
  }
}
