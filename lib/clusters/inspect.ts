// Before a cluster is registered (or its token replaced): fetch its certificate fingerprint for
// the admin to confirm (trust on first use), test the connection with the token pinned to that
// fingerprint, and compare the token's effective privileges with what Sovereign needs.
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

export interface InspectInput {
  apiUrl: string;
  tokenId: string;
  tokenSecret: string;
  /** A fingerprint the admin already knows (from the node's console); compared with the live one. */
  expectedFingerprint?: string | null;
}

export type ConnectionTest =
  | { ok: true; pveVersion: string; clusterName: string | null; nodes: number; quorate: boolean }
  | { ok: false; kind: string; message: string };

export interface InspectResult {
  certificate: Omit<PeerCertificateInfo, "trusted"> & { trusted: boolean };
  /** null when no fingerprint was expected; false when the live one differs (do not register). */
  fingerprintMatches: boolean | null;
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
  return message;
}

/** Never throws for cluster-side problems: they come back as a failed step with a plain reason. */
export async function inspectCluster(
  input: InspectInput,
  opts: { timeoutMs?: number } = {},
): Promise<{ ok: true; result: InspectResult } | InspectFailure> {
  let certificate: PeerCertificateInfo;
  try {
    certificate = await fetchFingerprint(input.apiUrl, { timeoutMs: opts.timeoutMs ?? 10_000 });
  } catch (error) {
    return failureOf(error);
  }
  const fingerprintMatches = input.expectedFingerprint
    ? normalizeFingerprint(input.expectedFingerprint) === certificate.fingerprint
    : null;
  const base = { certificate, fingerprintMatches, pveumCommands: pveumCommands(input.tokenId) };
  if (fingerprintMatches === false) {
    return {
      ok: true,
      result: {
        ...base,
        connection: {
          ok: false,
          kind: "tls_fingerprint_mismatch",
          message:
            "The certificate's fingerprint is not the one you expected. Do not register this cluster until you know why.",
        },
        privileges: null,
        missing: [],
      },
    };
  }

  let client: ProxmoxClient;
  try {
    client = new ProxmoxClient({
      url: input.apiUrl,
      token: { id: input.tokenId, secret: input.tokenSecret },
      fingerprint: certificate.fingerprint,
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
