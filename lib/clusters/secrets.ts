// Token secrets at rest: AES-256-GCM under the current key of the SOVEREIGN_SECRET_KEY keyring,
// with the key id stored beside the ciphertext so older keys still decrypt until rotation. The
// cluster id is bound in as additional authenticated data: a ciphertext copied onto another
// cluster's row does not decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env, parseKeyring } from "@/lib/env";

export interface EncryptedSecret {
  tokenSecretCiphertext: string;
  tokenSecretIv: string;
  tokenSecretTag: string;
  tokenSecretKeyId: string;
}

/** Raised for a missing key or a ciphertext that does not verify; never carries the secret. */
export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretKeyError";
  }
}

export interface Keyring {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

/** The keyring of SOVEREIGN_SECRET_KEY, or of `value` (tests and the rotation script). */
export function keyring(value: string | undefined = env().SOVEREIGN_SECRET_KEY): Keyring {
  const keys = value === undefined ? null : parseKeyring(value);
  const first = keys?.[0];
  if (!keys || !first)
    throw new SecretKeyError("SOVEREIGN_SECRET_KEY is not set: cluster token secrets cannot be encrypted or read");
  return { current: first, byId: new Map(keys.map((k) => [k.id, k.key])) };
}

/**
 * Which of a cluster's tokens a ciphertext belongs to, bound in as additional data: the console
 * token's ciphertext copied into the migration token's columns (or back) does not decrypt.
 */
export type SecretPurpose = "cluster-token" | "migration-token";

function aad(clusterId: string, purpose: SecretPurpose): Buffer {
  return Buffer.from(`sovereign:${purpose}:${clusterId}`, "utf8");
}

export function encryptSecret(
  clusterId: string,
  secret: string,
  ring: Keyring = keyring(),
  purpose: SecretPurpose = "cluster-token",
): EncryptedSecret {
  const { current } = ring;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(aad(clusterId, purpose));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return {
    tokenSecretCiphertext: ciphertext.toString("base64"),
    tokenSecretIv: iv.toString("base64"),
    tokenSecretTag: cipher.getAuthTag().toString("base64"),
    tokenSecretKeyId: current.id,
  };
}

export function decryptSecret(
  clusterId: string,
  stored: EncryptedSecret,
  ring: Keyring = keyring(),
  purpose: SecretPurpose = "cluster-token",
): string {
  const key = ring.byId.get(stored.tokenSecretKeyId);
  if (!key)
    throw new SecretKeyError(
      `The key "${stored.tokenSecretKeyId}" that encrypted this token is no longer in SOVEREIGN_SECRET_KEY`,
    );
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(stored.tokenSecretIv, "base64"));
    decipher.setAAD(aad(clusterId, purpose));
    decipher.setAuthTag(Buffer.from(stored.tokenSecretTag, "base64"));
    return Buffer.concat([
      decipher.update(Buffer.from(stored.tokenSecretCiphertext, "base64")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    // GCM's own error says nothing useful and nothing secret; ours says what to check.
    throw new SecretKeyError(
      "The stored token secret does not decrypt with its key (wrong key material or tampered row)",
    );
  }
}

/** Re-encrypts under the current key when another key encrypted it; null when already current. */
export function reencryptIfStale(
  clusterId: string,
  stored: EncryptedSecret,
  ring: Keyring = keyring(),
  purpose: SecretPurpose = "cluster-token",
): EncryptedSecret | null {
  if (stored.tokenSecretKeyId === ring.current.id) return null;
  return encryptSecret(clusterId, decryptSecret(clusterId, stored, ring, purpose), ring, purpose);
}

/** lib/db.ts omits the encrypted columns from every query; these opt back in, for the few server
 * paths that need the token: as a `select`, exactly those columns… */
export const encryptedSecretSelect = {
  tokenSecretCiphertext: true,
  tokenSecretIv: true,
  tokenSecretTag: true,
  tokenSecretKeyId: true,
} as const;

/** …or, as an `omit`, the whole row with them. */
export const keepEncryptedSecret = {
  tokenSecretCiphertext: false,
  tokenSecretIv: false,
  tokenSecretTag: false,
  tokenSecretKeyId: false,
} as const;
