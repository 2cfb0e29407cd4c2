// Turns a raw HTTP answer from pveproxy into data or a typed error. Proxmox reports errors only
// through status codes and message text, so this is the one place that reads that text; every
// string taken from the server is redacted before it goes into an error.
import type { z } from "zod";
import {
  ProxmoxBadResponseError,
  ProxmoxForbiddenError,
  ProxmoxHttpError,
  ProxmoxNodeUnreachableError,
  ProxmoxNotFoundError,
  ProxmoxParameterError,
  ProxmoxServerError,
  ProxmoxUnauthenticatedError,
  redact,
  type ProxmoxError,
  type ProxmoxErrorOptions,
  type ProxmoxRequestContext,
} from "./errors";
import type { RawResponse } from "./http";

interface ErrorBody {
  message: string;
  errors: Record<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function looksLikeHtml(raw: RawResponse): boolean {
  if (raw.contentType.toLowerCase().includes("text/html")) return true;
  const head = raw.body.subarray(0, 64).toString("utf8").trimStart().toLowerCase();
  return head.startsWith("<!doctype") || head.startsWith("<html");
}

/** Error bodies are best effort: 401 and 595 have none, proxies may send HTML. */
function readErrorBody(raw: RawResponse, secrets: readonly string[]): ErrorBody {
  let message = raw.reason;
  const errors: Record<string, string> = {};
  if (raw.body.length > 0 && !looksLikeHtml(raw)) {
    try {
      const parsed: unknown = JSON.parse(raw.body.toString("utf8"));
      if (isRecord(parsed)) {
        if (typeof parsed.message === "string" && parsed.message.trim() !== "") message = parsed.message;
        if (isRecord(parsed.errors)) {
          for (const [key, value] of Object.entries(parsed.errors)) {
            errors[key] = redact(typeof value === "string" ? value.trim() : JSON.stringify(value), secrets);
          }
        }
      }
    } catch {
      // Not JSON: the reason phrase is all we have, and it is already in `message`.
    }
  }
  return { message: redact(message.trim(), secrets).slice(0, 1000), errors };
}

const PERMISSION_CHECK = /Permission check failed \(([^,()]+), ([A-Za-z][\w.]*)\)/;
// PVE has no 404 for missing objects: a handler dies with one of these and pveproxy sends 500.
const MISSING_OBJECT =
  /does not exist|no such (?:vm|ct|container|task|node|storage|user|token|resource|volume)|not found/i;

function nodeFromPath(path: string | undefined): string | undefined {
  const m = path ? /^\/nodes\/([^/]+)/.exec(path) : null;
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}

export function errorFromResponse(
  raw: RawResponse,
  ctx: ProxmoxRequestContext,
  secrets: readonly string[],
): ProxmoxError {
  const { message, errors } = readErrorBody(raw, secrets);
  const status = raw.status;
  const opts: ProxmoxErrorOptions = { ...ctx, status };
  const text = message || `HTTP ${status}`;
  if (status === 401) return new ProxmoxUnauthenticatedError(`Authentication failed (${text})`, opts);
  if (status === 403) {
    const m = PERMISSION_CHECK.exec(message);
    return new ProxmoxForbiddenError(text, m?.[1], m?.[2], opts);
  }
  if (status === 400) return new ProxmoxParameterError(text, errors, opts);
  if (status === 404 || status === 501) return new ProxmoxNotFoundError(text, opts);
  if (status === 595 || status === 596) {
    const node = nodeFromPath(ctx.path);
    return new ProxmoxNodeUnreachableError(
      `Node ${node ?? "?"} is unreachable through the cluster (${text})`,
      node,
      opts,
    );
  }
  if (status === 500 && MISSING_OBJECT.test(message)) return new ProxmoxNotFoundError(text, opts);
  if (status >= 500) return new ProxmoxServerError(text, opts);
  return new ProxmoxHttpError(text, opts);
}

/** Parses the `{data: …}` envelope of a 2xx answer. */
export function dataFromResponse(raw: RawResponse, ctx: ProxmoxRequestContext): unknown {
  const opts = { ...ctx, status: raw.status };
  if (looksLikeHtml(raw)) {
    throw new ProxmoxBadResponseError(
      `${ctx.endpoint} answered with an HTML page, not the Proxmox API`,
      "not_json",
      opts,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.body.toString("utf8"));
  } catch (err) {
    throw new ProxmoxBadResponseError(`${ctx.endpoint} answered with invalid JSON`, "invalid_json", {
      ...opts,
      cause: err,
    });
  }
  if (!isRecord(parsed) || !("data" in parsed)) {
    throw new ProxmoxBadResponseError(`${ctx.endpoint} answered without the {"data": …} envelope`, "envelope", opts);
  }
  return parsed.data;
}

/** Validates `data` against the call's schema; names the offending paths, never the values. */
export function parseData<S extends z.ZodType>(
  schema: S,
  data: unknown,
  ctx: ProxmoxRequestContext,
  status: number,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
  const more = result.error.issues.length > 3 ? ` (+${result.error.issues.length - 3} more)` : "";
  throw new ProxmoxBadResponseError(`Unexpected response shape from ${ctx.path ?? "?"}: ${issues}${more}`, "schema", {
    ...ctx,
    status,
  });
}
