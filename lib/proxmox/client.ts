// The Proxmox VE API client: token auth, certificate pinning, a total timeout per attempt,
// bounded retries for idempotent GETs, zod-parsed results and typed errors. One instance per
// cluster; the call functions (cluster.ts, guests.ts, …) take it as their first argument.
import { inspect } from "node:util";
import type { z } from "zod";
import { ProxmoxConfigError, ProxmoxError, ProxmoxServerError, ProxmoxUnreachableError } from "./errors";
import { exchange } from "./http";
import { dataFromResponse, errorFromResponse, parseData } from "./responses";
import { PinnedAgent, normalizeFingerprint, parseTarget } from "./tls";

export interface ProxmoxToken {
  /** `user@realm!tokenname` */
  id: string;
  /** The UUID secret shown once when the token was created. */
  secret: string;
}

export interface RequestLogEntry {
  endpoint: string;
  method: string;
  /** Path below /api2/json without the query string. */
  path: string;
  attempt: number;
  status: number | undefined;
  durationMs: number;
  errorCode: string | undefined;
}

export interface ProxmoxClientOptions {
  /** `https://host[:port]` (default port 8006); any path is ignored. */
  url: string;
  token: ProxmoxToken;
  /**
   * Pinned SHA-256 of the leaf certificate: then only that leaf passes, even one a trusted CA
   * issued is refused. Without it (CA mode) only certificates valid for the host under the CAs pass.
   */
  fingerprint?: string;
  /**
   * CA mode only: PEM of an extra CA to trust besides the system CAs, e.g. the cluster's
   * pve-root-ca.pem (survives leaf renewals, unlike a fingerprint). Host names are verified too.
   */
  trustedCa?: string;
  /** Bound on one attempt: connect, headers and the whole body (default 15 s). */
  timeoutMs?: number;
  /** Extra attempts for GETs that failed transiently (default 2). */
  retries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Largest accepted (decompressed) response body (default 32 MiB). */
  maxResponseBytes?: number;
  /**
   * Ask for gzip (pveproxy compresses bodies over 1 KiB): worth it over WAN links, pure CPU
   * cost on loopback. Default: on, except for loopback hosts.
   */
  compression?: boolean;
  maxSockets?: number;
  /** Called once per attempt; entries carry no credentials, queries or bodies. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export type ParamValue = string | number | boolean | undefined;
export type Params = Readonly<Record<string, ParamValue>>;

export interface CallOptions {
  /** Values besides the token secret to keep out of errors (e.g. a remote token in the body). */
  sensitive?: readonly string[];
}

// PVE allows any non-space user name; a header value must be printable ASCII, so we do too.
const TOKEN_ID = /^[\x21-\x2e\x30-\x39\x3b-\x7e]+@[A-Za-z][A-Za-z0-9.\-_]+![A-Za-z][A-Za-z0-9.\-_]+$/;
// The secret goes into a header value: refuse anything that could end or split it.
const TOKEN_SECRET = /^[\x21-\x2b\x2d-\x3a\x3c\x3e-\x7e]+$/;

/** Refuses token ids and secrets that would not survive a header or a property string. */
export function checkToken(token: ProxmoxToken): ProxmoxToken {
  if (!TOKEN_ID.test(token.id)) throw new ProxmoxConfigError("The token id must look like user@realm!tokenname");
  if (!TOKEN_SECRET.test(token.secret))
    throw new ProxmoxConfigError("The token secret is empty or contains characters a secret cannot have");
  return token;
}

/** Booleans travel as 1/0: PVE rejects "true" and "false". */
export function encodeParams(params: Params | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    search.append(key, typeof value === "boolean" ? (value ? "1" : "0") : String(value));
  }
  return search.toString();
}

/** Tagged template for API paths: every interpolated value is one encoded path segment. */
export function apiPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((out, part, i) => {
    const value = values[i - 1];
    return out + (value === undefined ? "" : encodeURIComponent(String(value))) + part;
  });
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Only failures where asking again can help, and never a timeout (that would stretch the bound). */
function isRetryable(err: unknown): boolean {
  if (err instanceof ProxmoxUnreachableError)
    return err.reason === "refused" || err.reason === "reset" || err.reason === "other";
  if (err instanceof ProxmoxServerError) return err.status !== undefined && err.status >= 500;
  return false;
}

export class ProxmoxClient {
  readonly url: string;
  /** `host:port`, used in messages and logs. */
  readonly endpoint: string;
  readonly tokenId: string;
  readonly fingerprint: string | undefined;
  readonly #secret: string;
  readonly #host: string;
  readonly #port: number;
  readonly #agent: PinnedAgent;
  readonly #opts: Required<Omit<ProxmoxClientOptions, "url" | "token" | "fingerprint" | "trustedCa" | "onRequest">>;
  readonly #onRequest: ((entry: RequestLogEntry) => void) | undefined;

  constructor(options: ProxmoxClientOptions) {
    const target = parseTarget(options.url);
    checkToken(options.token);
    this.#host = target.host;
    this.#port = target.port;
    this.endpoint = `${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}`;
    this.url = `https://${this.endpoint}`;
    this.tokenId = options.token.id;
    this.#secret = options.token.secret;
    this.fingerprint = options.fingerprint === undefined ? undefined : normalizeFingerprint(options.fingerprint);
    if (this.fingerprint !== undefined && options.trustedCa !== undefined)
      throw new ProxmoxConfigError("A cluster is either pinned to a fingerprint or verified by a CA, not both");
    this.#opts = {
      timeoutMs: options.timeoutMs ?? 15_000,
      retries: options.retries ?? 2,
      retryBaseDelayMs: options.retryBaseDelayMs ?? 250,
      retryMaxDelayMs: options.retryMaxDelayMs ?? 4_000,
      maxResponseBytes: options.maxResponseBytes ?? 32 * 1024 * 1024,
      compression: options.compression ?? !isLoopback(target.host),
      maxSockets: options.maxSockets ?? 8,
    };
    this.#onRequest = options.onRequest;
    this.#agent = new PinnedAgent(
      { fingerprint: this.fingerprint, trustedCa: options.trustedCa, timeoutMs: this.#opts.timeoutMs },
      this.#opts.maxSockets,
    );
  }

  get<S extends z.ZodType>(path: string, schema: S, query?: Params): Promise<z.output<S>> {
    return this.request("GET", path, schema, query, undefined);
  }

  post<S extends z.ZodType>(path: string, schema: S, body?: Params, opts?: CallOptions): Promise<z.output<S>> {
    return this.request("POST", path, schema, undefined, body, opts);
  }

  async request<S extends z.ZodType>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    schema: S,
    query: Params | undefined,
    body: Params | undefined,
    opts: CallOptions = {},
  ): Promise<z.output<S>> {
    const attempts = method === "GET" ? this.#opts.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#attempt(method, path, schema, query, body, attempt, opts);
      } catch (err) {
        if (attempt >= attempts || !isRetryable(err)) throw err;
        const backoff = Math.min(this.#opts.retryMaxDelayMs, this.#opts.retryBaseDelayMs * 2 ** (attempt - 1));
        // Jitter spreads retries of many sync jobs hitting one recovering cluster.
        await sleep(backoff / 2 + Math.random() * (backoff / 2));
      }
    }
  }

  async #attempt<S extends z.ZodType>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    schema: S,
    query: Params | undefined,
    body: Params | undefined,
    attempt: number,
    opts: CallOptions,
  ): Promise<z.output<S>> {
    const ctx = { endpoint: this.endpoint, method, path };
    const secrets = [this.#secret, ...(opts.sensitive ?? [])];
    const qs = encodeParams(query);
    const encodedBody = body === undefined ? undefined : encodeParams(body);
    const headers: Record<string, string> = {
      Authorization: `PVEAPIToken=${this.tokenId}=${this.#secret}`,
      Accept: "application/json",
    };
    if (this.#opts.compression) headers["Accept-Encoding"] = "gzip, deflate";
    if (encodedBody !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers["Content-Length"] = String(Buffer.byteLength(encodedBody));
    }
    const started = performance.now();
    let status: number | undefined;
    try {
      const raw = await exchange({
        host: this.#host,
        port: this.#port,
        agent: this.#agent,
        method,
        requestPath: `/api2/json${path}${qs ? `?${qs}` : ""}`,
        headers,
        body: encodedBody,
        timeoutMs: this.#opts.timeoutMs,
        maxBytes: this.#opts.maxResponseBytes,
        context: ctx,
      });
      status = raw.status;
      if (raw.status < 200 || raw.status > 299) throw errorFromResponse(raw, ctx, secrets);
      const data = parseData(schema, dataFromResponse(raw, ctx), ctx, raw.status);
      this.#log(ctx, attempt, status, started, undefined);
      return data;
    } catch (err) {
      this.#log(ctx, attempt, status, started, err instanceof ProxmoxError ? err.code : "unknown");
      throw err;
    }
  }

  #log(
    ctx: { method: string; path: string },
    attempt: number,
    status: number | undefined,
    started: number,
    errorCode: string | undefined,
  ): void {
    this.#onRequest?.({
      endpoint: this.endpoint,
      method: ctx.method,
      path: ctx.path,
      attempt,
      status,
      durationMs: performance.now() - started,
      errorCode,
    });
  }

  /** Closes pooled keep-alive connections. */
  close(): void {
    this.#agent.destroy();
  }

  toJSON(): Record<string, unknown> {
    return { url: this.url, tokenId: this.tokenId, fingerprint: this.fingerprint };
  }

  toString(): string {
    return `ProxmoxClient(${this.url} as ${this.tokenId})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
