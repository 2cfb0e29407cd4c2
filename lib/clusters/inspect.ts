// Before a cluster is registered (or its token replaced), in two separate steps so the token is
// sent only after the admin confirmed the certificate (trust on first use):
// 1. fetchCertificate: a TLS handshake without credentials, to show the fingerprint;
// 2. inspectCluster: with the token, pinned to the CONFIRMED fingerprint (or, when the admin
//    chose CA verification, only to a certificate valid under the system CAs), test the
//    connection and compare the token's privileges with what Sovereign needs. A certificate
//    other than the confirmed one fails the handshake: the token is never written.
import {
  fetchFingerprint,
  getClusterStatus,
  getPermissions,
  getVersion,
  isProxmoxError,
  normalizeFingerprint,
  ProxmoxClient,
  type PeerCertificateInfo,
} from "@/lib/proxmox";
import { checkPrivileges, describeMissing, pveumCommands, type PrivilegeReport } from "./privileges";

export type TrustMode = "pinned" | "ca";

export interface CertificateCheck {
  certificate: PeerCertificateInfo;
  /** null when no fingerprint was expected; false when the live one differs (do not confirm). */
  fingerprintMatches: boolean | null;
}

export interface InspectInput {
  apiUrl: string;
  tokenId: string;
  tokenSecret: string;
  /** How the admin chose to trust the certificate. */
  trustMode: TrustMode;
  /** The fingerprint the admin confirmed: the pin in "pinned" mode. */
  fingerprint: string;
}

export type ConnectionTest =
  | { ok: true; pveVersion: string; clusterName: string | null; nodes: number; quorate: boolean }
  | { ok: false; kind: string; message: string };

export interface InspectResult {
  connection: ConnectionTest;
  privileges: PrivilegeReport | null;
  missing: string[];
  pveumCommands: string[];
}

export type InspectFailure = { ok: false; kind: string; message: string };

function failureOf(error: unknown): InspectFailure {
  if (isProxmoxError(error)) return { ok: false, kind: error.code, message: error.message };
  throw error;
}

function explain(kind: string, message: string): string {
  if (kind === "unauthenticated")
    return "Proxmox refused the token: check the token id and secret, and that the token and its user are enabled and not expired.";
  if (kind === "forbidden")
    return `The token may not read this (${message}). Grant it the Sovereign role with the commands below.`;
  if (kind === "tls_fingerprint_mismatch")
    return "The cluster now presents another certificate than the one you confirmed; the token was not sent. Fetch the certificate again and compare.";
  if (kind === "tls_untrusted")
    return "The certificate is not valid for this address under the system's certificate authorities; the token was not sent. Pin its fingerprint instead.";
  return message;
}

/** Step one: the certificate only. Nothing but a TLS handshake happens: no request, no token. */
export async function fetchCertificate(
  apiUrl: string,
  expectedFingerprint: string | null | undefined,
  opts: { timeoutMs?: number } = {},
): Promise<{ ok: true; result: CertificateCheck } | InspectFailure> {
  try {
    const certificate = await fetchFingerprint(apiUrl, { timeoutMs: opts.timeoutMs ?? 10_000 });
    const fingerprintMatches = expectedFingerprint
      ? normalizeFingerprint(expectedFingerprint) === certificate.fingerprint
      : null;
    return { ok: true, result: { certificate, fingerprintMatches } };
  } catch (error) {
    return failureOf(error);
  }
}

/** Never throws for cluster-side problems: they come back as a failed step with a plain reason. */
export async function inspectCluster(
  input: InspectInput,
  opts: { timeoutMs?: number } = {},
): Promise<{ ok: true; result: InspectResult } | InspectFailure> {
  const base = { pveumCommands: pveumCommands(input.tokenId) };
  let client: ProxmoxClient;
  try {
    client = new ProxmoxClient({
      url: input.apiUrl,
      token: { id: input.tokenId, secret: input.tokenSecret },
      // Pinned: only the confirmed certificate passes. CA: only one valid for the host under the system CAs.
      fingerprint: input.trustMode === "pinned" ? input.fingerprint : undefined,
      timeoutMs: opts.timeoutMs ?? 10_000,
      retries: 0,
    });
  } catch (error) {
    return failureOf(error);
  }
  try {
    // Permissions first: a token without Sys.Audit still reads them, and they explain the rest.
    let privileges: PrivilegeReport | null = null;
    try {
      privileges = checkPrivileges(await getPermissions(client));
    } catch (error) {
      const failed = failureOf(error);
      return {
        ok: true,
        result: {
          ...base,
          connection: { ...failed, message: explain(failed.kind, failed.message) },
          privileges: null,
          missing: [],
        },
      };
    }
    const missing = describeMissing(privileges);
    let connection: ConnectionTest;
    try {
      const [version, status] = await Promise.all([getVersion(client), getClusterStatus(client)]);
      const entry = status.find((e) => e.type === "cluster");
      connection = {
        ok: true,
        pveVersion: version.version,
        clusterName: entry?.name ?? null,
        nodes: status.filter((e) => e.type === "node").length,
        quorate: entry ? (entry.quorate ?? false) : true,
      };
    } catch (error) {
      const failed = failureOf(error);
      connection = { ...failed, message: explain(failed.kind, failed.message) };
    }
    return { ok: true, result: { ...base, connection, privileges, missing } };
  } finally {
    client.close();
  }
}
