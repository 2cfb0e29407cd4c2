// One HTTPS exchange with a bound on everything a hostile or broken server can do: the whole
// exchange (connect, headers, body) must finish within `timeoutMs`, and the body may not grow
// past `maxBytes` (counted after decompression, so a gzip bomb is capped too).
import https from "node:https";
import zlib from "node:zlib";
import type { Readable } from "node:stream";
import {
  ProxmoxBadResponseError,
  ProxmoxConfigError,
  ProxmoxError,
  ProxmoxUnreachableError,
  type ProxmoxRequestContext,
} from "./errors";
import { unreachableReason } from "./tls";

export interface RawExchange {
  host: string;
  port: number;
  agent: https.Agent;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Full request path including /api2/json and the query string. */
  requestPath: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  maxBytes: number;
  context: ProxmoxRequestContext;
}

export interface RawResponse {
  status: number;
  /** HTTP reason phrase: pveproxy puts the first line of the error message there. */
  reason: string;
  contentType: string;
  body: Buffer;
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | undefined {
  if (encoding === "gzip" || encoding === "x-gzip") return zlib.createGunzip();
  if (encoding === "deflate") return zlib.createInflate();
  return undefined;
}

/**
 * A GET sent on a kept-alive connection that the server had already closed (its idle timeout, a
 * restart, a new certificate) fails with a reset before any answer: the server never saw it. It
 * is sent again on a new connection, at once and whatever the caller's retries, within the same
 * overall time bound; each stale connection in the agent's pool can cost one such resend.
 */
const STALE_CONNECTION_RESENDS = 8;

/** Internal to exchange(): the attempt met a stale connection and is to be sent again. */
class StaleConnection extends Error {}

export async function exchange(x: RawExchange): Promise<RawResponse> {
  const deadline = performance.now() + x.timeoutMs;
  for (let resends = 0; ; resends++) {
    try {
      // The last allowed attempt reports a stale connection as the failure it is.
      return await exchangeOnce(x, deadline, x.method === "GET" && resends < STALE_CONNECTION_RESENDS);
    } catch (err) {
      if (!(err instanceof StaleConnection)) throw err;
    }
  }
}

function exchangeOnce(x: RawExchange, deadline: number, resendIfStale: boolean): Promise<RawResponse> {
  const ctx = x.context;
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const finish = (err: ProxmoxError | StaleConnection | undefined, res?: RawResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else if (res) {
        resolve(res);
      }
    };

    let req: ReturnType<typeof https.request>;
    try {
      req = https.request({
        host: x.host,
        port: x.port,
        method: x.method,
        path: x.requestPath,
        agent: x.agent,
        headers: x.headers,
      });
    } catch (err) {
      // Node validates the request line and headers synchronously; never echo the values.
      reject(
        new ProxmoxConfigError("The request could not be built (invalid characters in a path or header)", {
          ...ctx,
          cause: err,
        }),
      );
      return;
    }

    const timer = setTimeout(
      () => {
        finish(
          new ProxmoxUnreachableError(
            `No complete answer from ${ctx.endpoint} within ${x.timeoutMs} ms`,
            "timeout",
            ctx,
          ),
        );
      },
      Math.max(0, deadline - performance.now()),
    );

    let answered = false;
    req.on("error", (err) => {
      if (err instanceof ProxmoxError) {
        err.addContext(ctx);
        finish(err);
        return;
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (resendIfStale && req.reusedSocket && !answered && (code === "ECONNRESET" || code === "EPIPE")) {
        finish(new StaleConnection());
        return;
      }
      finish(
        new ProxmoxUnreachableError(`Connection to ${ctx.endpoint} failed: ${err.message}`, unreachableReason(err), {
          ...ctx,
          cause: err,
        }),
      );
    });

    req.on("response", (res) => {
      answered = true;
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers["content-length"] ?? "0");
      if (declared > x.maxBytes) {
        finish(tooLarge(x.maxBytes, ctx, status));
        return;
      }
      const decoder = decoderFor(res.headers["content-encoding"]);
      const stream: Readable = decoder ? res.pipe(decoder) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > x.maxBytes) {
          finish(tooLarge(x.maxBytes, ctx, status));
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      decoder?.on("error", (err) => {
        finish(
          new ProxmoxBadResponseError(
            `The response from ${ctx.endpoint} could not be decompressed: ${err.message}`,
            "invalid_json",
            { ...ctx, status, cause: err },
          ),
        );
      });
      // The server closed the connection before the body was complete ("aborted").
      res.on("error", (err) => {
        finish(
          new ProxmoxBadResponseError(`The response from ${ctx.endpoint} was cut off: ${err.message}`, "truncated", {
            ...ctx,
            status,
            cause: err,
          }),
        );
      });
      stream.on("end", () => {
        if (!res.complete) {
          finish(
            new ProxmoxBadResponseError(`The response from ${ctx.endpoint} was cut off`, "truncated", {
              ...ctx,
              status,
            }),
          );
          return;
        }
        finish(undefined, {
          status,
          reason: res.statusMessage ?? "",
          contentType: String(res.headers["content-type"] ?? ""),
          body: Buffer.concat(chunks),
        });
      });
    });

    if (x.body !== undefined) req.end(x.body);
    else req.end();
  });
}

function tooLarge(max: number, ctx: ProxmoxRequestContext, status: number): ProxmoxBadResponseError {
  return new ProxmoxBadResponseError(`The response from ${ctx.endpoint} exceeds the ${max}-byte limit`, "too_large", {
    ...ctx,
    status,
  });
}
