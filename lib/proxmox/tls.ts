// Certificate trust for Proxmox clusters, one of two modes chosen per cluster:
// - pinned: the leaf's SHA-256 fingerprint must equal the pin, and nothing else counts. A
//   certificate any public CA issued for the host (after a DNS hijack, say) is refused too.
// - CA-verified: no pin; the chain must verify under the system CAs (or an extra CA given) and
//   the certificate must name the host (ACME certificates, renewed every few weeks).
// The check runs in the TLS layer, before the HTTP layer is handed the socket, so on a refusal
// not one request byte (and so never the token) is written.
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { PassThrough, type Duplex } from "node:stream";
import {
  ProxmoxConfigError,
  ProxmoxFingerprintMismatchError,
  ProxmoxUnreachableError,
  ProxmoxUntrustedCertificateError,
  type ProxmoxError,
  type UnreachableReason,
} from "./errors";

const FINGERPRINT_HEX = /^[0-9A-F]{64}$/;

/** `aa:bb…`, `AABB…` or `AA:BB:…` → `AA:BB:…` (PVE's rendering); throws on anything else. */
export function normalizeFingerprint(input: string): string {
  const hex = input.trim().replace(/:/g, "").toUpperCase();
  if (!FINGERPRINT_HEX.test(hex)) {
    throw new ProxmoxConfigError("A certificate fingerprint must be 32 hex bytes (SHA-256), e.g. AA:BB:…");
  }
  return hex.match(/../g)?.join(":") ?? hex;
}

export function isFingerprint(input: string): boolean {
  return FINGERPRINT_HEX.test(input.trim().replace(/:/g, "").toUpperCase());
}

/** Maps a socket-level error to our reason vocabulary. */
export function unreachableReason(err: unknown): UnreachableReason {
  const code = err instanceof Error && "code" in err ? String(err.code) : "";
  if (code === "ECONNREFUSED") return "refused";
  if (code === "ETIMEDOUT") return "timeout";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "dns";
  if (code === "ECONNRESET" || code === "EPIPE" || code === "ECONNABORTED") return "reset";
  if (code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS")) return "tls";
  return "other";
}

export interface TlsTarget {
  host: string;
  port: number;
}

export interface PinnedConnectOptions extends TlsTarget {
  /**
   * Normalised pinned fingerprint: only this leaf passes, whatever CA signed it. Undefined → CA
   * mode: only certificates valid under the CAs for this host name pass.
   */
  fingerprint: string | undefined;
  /** CA mode only: an extra CA (e.g. the cluster's pve-root-ca.pem) trusted besides the system CAs. */
  trustedCa?: string | undefined;
  timeoutMs: number;
  /**
   * A context made once for these trust settings (`trustContext`). Without it every connection
   * builds its own, loading the system CA store each time: at a federation's hundreds of
   * handshakes per sync round that was the sync's largest CPU cost after JSON parsing.
   */
  secureContext?: tls.SecureContext;
}

/** The TLS context for a set of trust settings, to share across connections. */
export function trustContext(trustedCa: string | undefined): tls.SecureContext {
  return tls.createSecureContext({ ca: trustedCa === undefined ? undefined : [...tls.rootCertificates, trustedCa] });
}

/** SNI must be a hostname, never an IP literal. */
function serverName(host: string): string | undefined {
  return net.isIP(host) === 0 ? host : undefined;
}

/**
 * Opens a TLS connection and settles only once the certificate passed our check. Nothing is
 * written on the socket by this function.
 */
export function connectPinned(opts: PinnedConnectOptions): Promise<tls.TLSSocket> {
  const endpoint = `${opts.host}:${opts.port}`;
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: opts.host,
      port: opts.port,
      servername: serverName(opts.host),
      secureContext: opts.secureContext ?? trustContext(opts.trustedCa),
      // We decide ourselves, right below, once the handshake is done.
      rejectUnauthorized: false,
      ALPNProtocols: ["http/1.1"],
    });
    const fail = (err: ProxmoxError): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    };
    const timer = setTimeout(() => {
      fail(
        new ProxmoxUnreachableError(`TLS connection to ${endpoint} timed out after ${opts.timeoutMs} ms`, "timeout", {
          endpoint,
        }),
      );
    }, opts.timeoutMs);
    socket.once("error", (err) => {
      const reason = unreachableReason(err);
      fail(
        new ProxmoxUnreachableError(`Cannot connect to ${endpoint}: ${err.message}`, reason, { endpoint, cause: err }),
      );
    });
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      const actual = socket.getPeerCertificate().fingerprint256 ?? "";
      if (opts.fingerprint !== undefined) {
        // Pinned means pinned: a valid chain (socket.authorized) does not stand in for the pin.
        if (actual.toUpperCase() === opts.fingerprint) return resolve(socket);
        socket.destroy();
        return reject(new ProxmoxFingerprintMismatchError(opts.fingerprint, actual, { endpoint }));
      }
      // socket.authorized covers the chain and the host name (Node runs checkServerIdentity).
      if (socket.authorized) return resolve(socket);
      socket.destroy();
      reject(
        new ProxmoxUntrustedCertificateError(actual, String(socket.authorizationError ?? "unknown"), { endpoint }),
      );
    });
  });
}

/**
 * An https.Agent whose new connections go through `connectPinned`. The agent calls
 * createConnection with a callback and hands the socket to the request only once we call it,
 * i.e. after the certificate check; keep-alive sockets were checked when they were opened.
 */
export class PinnedAgent extends https.Agent {
  private readonly trust: Omit<PinnedConnectOptions, "host" | "port">;

  constructor(trust: Omit<PinnedConnectOptions, "host" | "port" | "secureContext">, maxSockets = 8) {
    // No TLS session cache: every new connection does a full handshake with a certificate.
    // Idle pooled sockets close after 4 s, before a server is likely to drop them, so a POST
    // (never retried) rarely lands on a connection the server already closed.
    super({ keepAlive: true, maxSockets, maxCachedSessions: 0, timeout: 4_000 });
    this.trust = { ...trust, secureContext: trustContext(trust.trustedCa) };
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | undefined {
    const host = options.hostname ?? options.host ?? "localhost";
    connectPinned({ ...this.trust, host, port: Number(options.port ?? 443) }).then(
      (socket) => callback?.(null, socket),
      // The agent ignores the stream argument when there is an error.
      (err: unknown) => callback?.(err instanceof Error ? err : new Error(String(err)), new PassThrough()),
    );
    return undefined;
  }
}

export interface PeerCertificateInfo {
  /** `AA:BB:…` SHA-256 of the leaf, as Proxmox shows it. */
  fingerprint: string;
  /** Valid under the system CAs for this host name (then CA verification may be chosen instead of a pin). */
  trusted: boolean;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
}

function describeName(name: tls.PeerCertificate["subject"] | undefined): string {
  if (!name) return "";
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") : String(v)}`)
    .join(", ");
}

/**
 * Trust on first use: completes a TLS handshake with `url`, reads the leaf certificate and
 * closes the connection without sending anything (so no credentials).
 */
export function fetchFingerprint(url: string, opts: { timeoutMs?: number } = {}): Promise<PeerCertificateInfo> {
  const target = parseTarget(url);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const endpoint = `${target.host}:${target.port}`;
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: target.host,
      port: target.port,
      servername: serverName(target.host),
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new ProxmoxUnreachableError(`TLS connection to ${endpoint} timed out after ${timeoutMs} ms`, "timeout", {
          endpoint,
        }),
      );
    }, timeoutMs);
    socket.once("error", (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(
        new ProxmoxUnreachableError(`Cannot connect to ${endpoint}: ${err.message}`, unreachableReason(err), {
          endpoint,
          cause: err,
        }),
      );
    });
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      socket.destroy();
      resolve({
        fingerprint: normalizeFingerprint(cert.fingerprint256),
        trusted: socket.authorized,
        subject: describeName(cert.subject),
        issuer: describeName(cert.issuer),
        validFrom: cert.valid_from,
        validTo: cert.valid_to,
      });
    });
  });
}

/** `https://host[:port][/…]` → host and port (default 8006, as pveproxy listens there). */
export function parseTarget(url: string): TlsTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProxmoxConfigError("The cluster URL is not a valid URL");
  }
  if (parsed.protocol !== "https:") throw new ProxmoxConfigError("The cluster URL must use https://");
  if (parsed.username || parsed.password) throw new ProxmoxConfigError("The cluster URL must not carry credentials");
  // URL keeps IPv6 literals in brackets; sockets want them bare.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  if (parsed.port !== "") return { host, port: Number(parsed.port) };
  // WHATWG URL drops an explicit :443 as the https default; for us the default is 8006.
  const explicit443 = /^https:\/\/(?:\[[^\]]*\]|[^/?#:@]*):443(?:[/?#]|$)/i.test(url.trim());
  return { host, port: explicit443 ? 443 : 8006 };
}
