// The simulator's own client for the target side of remote_migrate: a real HTTPS call with
// the target-endpoint's token, pinned to its fingerprint before any byte of the request is
// written, as PVE::APIClient::LWP does with cached fingerprints.
import https from "node:https";
import tls from "node:tls";
import type { RemoteEndpoint } from "./formats";

export interface RemoteAnswer {
  status: number;
  reason: string;
  body: unknown;
}

function pinnedSocket(ep: RemoteEndpoint, timeoutMs: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    // Without a fingerprint the remote must be trusted by the system store, which a private
    // PVE CA never is: verification then fails, as it does on real PVE.
    const socket = tls.connect({
      host: ep.host,
      port: ep.port ?? 8006,
      rejectUnauthorized: ep.fingerprint === undefined,
      servername: /^[\d.]+$/.test(ep.host) ? undefined : ep.host,
    });
    const timer = setTimeout(
      () => socket.destroy(new Error(`connect to ${ep.host}:${ep.port ?? 8006} timed out`)),
      timeoutMs,
    );
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      const fp = socket.getPeerCertificate().fingerprint256;
      if (ep.fingerprint && fp.toUpperCase() !== ep.fingerprint.toUpperCase()) {
        socket.destroy();
        reject(new Error(`fingerprint mismatch: expected ${ep.fingerprint.toUpperCase()}, got ${fp}`));
        return;
      }
      resolve(socket);
    });
    socket.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export async function remoteGet(ep: RemoteEndpoint, path: string, timeoutMs = 10_000): Promise<RemoteAnswer> {
  const socket = await pinnedSocket(ep, timeoutMs);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: ep.host,
        port: ep.port ?? 8006,
        path: `/api2/json${path}`,
        method: "GET",
        headers: { Authorization: ep.apitoken },
        createConnection: () => socket,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = null;
          try {
            body = text ? (JSON.parse(text) as { data?: unknown }).data : null;
          } catch {
            body = null; // non-JSON error pages carry nothing the caller can use
          }
          resolve({ status: res.statusCode ?? 0, reason: res.statusMessage ?? "", body });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end();
  });
}
