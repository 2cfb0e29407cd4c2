// A cluster's migration token: the one remote migrations INTO it put in `target-endpoint`,
// holding only the migration grants (lib/proxmox/migration-grants.ts). Encrypted at rest like
// the console token (lib/clusters/secrets.ts), under its own additional data, in its own columns,
// which lib/db.ts leaves out of every query unless selected by name.
import type { Prisma } from "@/generated/prisma/client";
import { decryptSecret, encryptSecret, keyring, reencryptIfStale, type EncryptedSecret, type Keyring } from "./secrets";

export interface StoredMigrationToken {
  migrationTokenId: string | null;
  migrationTokenSecretCiphertext: string | null;
  migrationTokenSecretIv: string | null;
  migrationTokenSecretTag: string | null;
  migrationTokenSecretKeyId: string | null;
}

/** The opt-in select for the encrypted migration token (and its id). */
export const migrationTokenSelect = {
  migrationTokenId: true,
  migrationTokenSecretCiphertext: true,
  migrationTokenSecretIv: true,
  migrationTokenSecretTag: true,
  migrationTokenSecretKeyId: true,
} as const satisfies Prisma.ClusterSelect;

function toColumns(secret: EncryptedSecret): Omit<StoredMigrationToken, "migrationTokenId"> {
  return {
    migrationTokenSecretCiphertext: secret.tokenSecretCiphertext,
    migrationTokenSecretIv: secret.tokenSecretIv,
    migrationTokenSecretTag: secret.tokenSecretTag,
    migrationTokenSecretKeyId: secret.tokenSecretKeyId,
  };
}

function fromColumns(stored: StoredMigrationToken): EncryptedSecret | null {
  const { migrationTokenSecretCiphertext, migrationTokenSecretIv, migrationTokenSecretTag, migrationTokenSecretKeyId } =
    stored;
  if (
    !migrationTokenSecretCiphertext ||
    !migrationTokenSecretIv ||
    !migrationTokenSecretTag ||
    !migrationTokenSecretKeyId
  )
    return null;
  return {
    tokenSecretCiphertext: migrationTokenSecretCiphertext,
    tokenSecretIv: migrationTokenSecretIv,
    tokenSecretTag: migrationTokenSecretTag,
    tokenSecretKeyId: migrationTokenSecretKeyId,
  };
}

/** The columns to write for a new migration token. */
export function encryptMigrationToken(
  clusterId: string,
  tokenId: string,
  secret: string,
  ring: Keyring = keyring(),
): StoredMigrationToken {
  return { migrationTokenId: tokenId, ...toColumns(encryptSecret(clusterId, secret, ring, "migration-token")) };
}

/** The token, decrypted; null when the cluster has none. Throws SecretKeyError like the console token. */
export function decryptMigrationToken(
  clusterId: string,
  stored: StoredMigrationToken,
  ring: Keyring = keyring(),
): { id: string; secret: string } | null {
  const encrypted = fromColumns(stored);
  if (!stored.migrationTokenId || !encrypted) return null;
  return { id: stored.migrationTokenId, secret: decryptSecret(clusterId, encrypted, ring, "migration-token") };
}

/** Re-encrypted columns when another key encrypted the token; null when none or already current. */
export function reencryptMigrationTokenIfStale(
  clusterId: string,
  stored: StoredMigrationToken,
  ring: Keyring = keyring(),
): Omit<StoredMigrationToken, "migrationTokenId"> | null {
  const encrypted = fromColumns(stored);
  if (!encrypted) return null;
  const next = reencryptIfStale(clusterId, encrypted, ring, "migration-token");
  return next ? toColumns(next) : null;
}
