// Every failure of the Proxmox client is one of these classes, discriminated by `code`, so
// callers (sync, actions, the UI) branch on the code and never on message text. Messages are
// built only from redacted server text and our own wording: no token secret can reach them.
import { scrubText } from "./scrub";

export type ProxmoxErrorCode =
  | "invalid_config"
  | "unreachable"
  | "tls_fingerprint_mismatch"
  | "tls_untrusted"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "node_unreachable"
  | "invalid_parameters"
  | "server_error"
  | "http_error"
  | "bad_response"
  | "invalid_upid"
  | "task_timeout";

/** Where a failed request went; never includes credentials or request bodies. */
export interface ProxmoxRequestContext {
  /** `host:port` of the cluster. */
  endpoint?: string;
  method?: string;
  /** API path below /api2/json, without the query string. */
  path?: string;
}

export interface ProxmoxErrorOptions extends ProxmoxRequestContext {
  status?: number;
  cause?: unknown;
}

export abstract class ProxmoxError extends Error {
  abstract readonly code: ProxmoxErrorCode;
  readonly status: number | undefined;
  // Not readonly: errors raised while connecting learn the request they broke afterwards.
  endpoint: string | undefined;
  method: string | undefined;
  path: string | undefined;

  constructor(message: string, opts: ProxmoxErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.status = opts.status;
    this.endpoint = opts.endpoint;
    this.method = opts.method;
    this.path = opts.path;
  }

  /** Fills in where the request went, keeping what is already known. */
  addContext(ctx: ProxmoxRequestContext): this {
    this.endpoint ??= ctx.endpoint;
    this.method ??= ctx.method;
    this.path ??= ctx.path;
    return this;
  }

  /** Transient failures a caller may retry later (the client retries GETs itself). */
  get retryable(): boolean {
    return false;
  }

  /** Only the fields below are serialised: the cause chain (socket objects etc.) is left out. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      endpoint: this.endpoint,
      method: this.method,
      path: this.path,
      ...this.details(),
    };
  }

  protected details(): Record<string, unknown> {
    return {};
  }
}

/** A client option is unusable (bad URL, malformed token id, bad fingerprint). */
export class ProxmoxConfigError extends ProxmoxError {
  readonly code = "invalid_config";
}

export type UnreachableReason = "refused" | "timeout" | "dns" | "reset" | "tls" | "other";

/** The cluster could not be reached, or did not answer within the request timeout. */
export class ProxmoxUnreachableError extends ProxmoxError {
  readonly code = "unreachable";
  readonly reason: UnreachableReason;

  constructor(message: string, reason: UnreachableReason, opts: ProxmoxErrorOptions = {}) {
    super(message, opts);
    this.reason = reason;
  }

  override get retryable(): boolean {
    return true;
  }

  protected override details(): Record<string, unknown> {
    return { reason: this.reason };
  }
}

/** The server's leaf certificate is not the pinned one (and not valid under the system CAs). */
export class ProxmoxFingerprintMismatchError extends ProxmoxError {
  readonly code = "tls_fingerprint_mismatch";
  readonly expected: string;
  readonly actual: string;

  constructor(expected: string, actual: string, opts: ProxmoxErrorOptions = {}) {
    super(`TLS certificate fingerprint mismatch: expected ${expected}, server presented ${actual}`, opts);
    this.expected = expected;
    this.actual = actual;
  }

  protected override details(): Record<string, unknown> {
    return { expected: this.expected, actual: this.actual };
  }
}

/** No fingerprint is pinned and the certificate is not valid under the system CAs. */
export class ProxmoxUntrustedCertificateError extends ProxmoxError {
  readonly code = "tls_untrusted";
  readonly actual: string;

  constructor(actual: string, reason: string, opts: ProxmoxErrorOptions = {}) {
    super(`TLS certificate is not trusted (${reason}) and no fingerprint is pinned; it presented ${actual}`, opts);
    this.actual = actual;
  }

  protected override details(): Record<string, unknown> {
    return { actual: this.actual };
  }
}

/** 401: the token is unknown, expired, disabled or its secret is wrong. */
export class ProxmoxUnauthenticatedError extends ProxmoxError {
  readonly code = "unauthenticated";
}

/** 403 `Permission check failed (/vms/100, VM.PowerMgmt)`: names the ACL path and privilege. */
export class ProxmoxForbiddenError extends ProxmoxError {
  readonly code = "forbidden";
  readonly aclPath: string | undefined;
  readonly privilege: string | undefined;

  constructor(
    message: string,
    aclPath: string | undefined,
    privilege: string | undefined,
    opts: ProxmoxErrorOptions = {},
  ) {
    super(message, opts);
    this.aclPath = aclPath;
    this.privilege = privilege;
  }

  protected override details(): Record<string, unknown> {
    return { aclPath: this.aclPath, privilege: this.privilege };
  }
}

/** The object or the API method does not exist (404, 501, or PVE's "does not exist" 500s). */
export class ProxmoxNotFoundError extends ProxmoxError {
  readonly code = "not_found";
}

/** 595/596: the answering node could not reach the node the call is proxied to. */
export class ProxmoxNodeUnreachableError extends ProxmoxError {
  readonly code = "node_unreachable";
  readonly node: string | undefined;

  constructor(message: string, node: string | undefined, opts: ProxmoxErrorOptions = {}) {
    super(message, opts);
    this.node = node;
  }

  override get retryable(): boolean {
    return true;
  }

  protected override details(): Record<string, unknown> {
    return { node: this.node };
  }
}

/** 400 "Parameter verification failed." with a message per offending parameter. */
export class ProxmoxParameterError extends ProxmoxError {
  readonly code = "invalid_parameters";
  readonly errors: Readonly<Record<string, string>>;

  constructor(message: string, errors: Record<string, string>, opts: ProxmoxErrorOptions = {}) {
    super(message, opts);
    this.errors = errors;
  }

  protected override details(): Record<string, unknown> {
    return { errors: this.errors };
  }
}

/** 5xx from the API itself (a handler died, e.g. "VM 100 not running"). */
export class ProxmoxServerError extends ProxmoxError {
  readonly code = "server_error";

  override get retryable(): boolean {
    return true;
  }
}

/** Any other unexpected HTTP status. */
export class ProxmoxHttpError extends ProxmoxError {
  readonly code = "http_error";
}

export type BadResponseReason = "invalid_json" | "not_json" | "envelope" | "schema" | "too_large" | "truncated";

/** The server answered, but not with a Proxmox API response we can use. */
export class ProxmoxBadResponseError extends ProxmoxError {
  readonly code = "bad_response";
  readonly reason: BadResponseReason;

  constructor(message: string, reason: BadResponseReason, opts: ProxmoxErrorOptions = {}) {
    super(message, opts);
    this.reason = reason;
  }

  protected override details(): Record<string, unknown> {
    return { reason: this.reason };
  }
}

/** A string is not a valid PVE task id. */
export class ProxmoxInvalidUpidError extends ProxmoxError {
  readonly code = "invalid_upid";
}

/** `waitForTask` gave up; the task may still be running on the cluster. */
export class ProxmoxTaskTimeoutError extends ProxmoxError {
  readonly code = "task_timeout";
  readonly upid: string;

  constructor(upid: string, timeoutMs: number, opts: ProxmoxErrorOptions = {}) {
    super(`Task ${upid} did not finish within ${timeoutMs} ms`, opts);
    this.upid = upid;
  }

  protected override details(): Record<string, unknown> {
    return { upid: this.upid };
  }
}

export function isProxmoxError(err: unknown): err is ProxmoxError {
  return err instanceof ProxmoxError;
}

/**
 * Replaces every occurrence of each secret in `text`, including its URI-encoded form, and
 * anything shaped like a Proxmox credential (scrub.ts).
 */
export function redact(text: string, secrets: readonly string[]): string {
  return scrubText(text, secrets);
}
