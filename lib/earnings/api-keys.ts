// Keys for the ingest API. A key is shown once when created; only its SHA-256 is stored, so a
// database leak yields no usable key. A key carries scopes and can be revoked; each use records
// when it was last used.
import { createHash, randomBytes } from "node:crypto";
import { recordApiKeyRefusal } from "@/lib/actions/refusal";
import type { Tx } from "@/lib/db";

export const API_SCOPES = ["revenue:write", "prices:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

const KEY_PREFIX = "sov_";

export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 10) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export type ApiKeyCheck = { ok: true; keyId: string; name: string } | { ok: false; status: 401 | 403; message: string };

/**
 * Reads "Authorization: Bearer sov_…" and checks the key and its scope. A known key refused
 * (revoked, or lacking the scope) is recorded in the audit trail, as a member's refused action is;
 * an unknown key names no one and is not.
 */
export async function checkApiKey(tx: Tx, authorization: string | null, scope: ApiScope): Promise<ApiKeyCheck> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  const key = match?.[1];
  if (!key) return { ok: false, status: 401, message: "Send an API key: Authorization: Bearer <key>." };
  if (!key.startsWith(KEY_PREFIX) || key.length > 100)
    return { ok: false, status: 401, message: "This API key is not valid." };
  const stored = await tx.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, name: true, scopes: true, revokedAt: true },
  });
  if (!stored) return { ok: false, status: 401, message: "This API key is not valid." };
  if (stored.revokedAt) {
    await recordApiKeyRefusal(stored, scope, "revoked");
    return { ok: false, status: 401, message: "This API key was revoked." };
  }
  if (!stored.scopes.includes(scope)) {
    await recordApiKeyRefusal(stored, scope, "scope");
    return { ok: false, status: 403, message: `This API key lacks the ${scope} scope.` };
  }
  return { ok: true, keyId: stored.id, name: stored.name };
}
