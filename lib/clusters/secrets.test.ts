import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKeyring } from "@/lib/env";
import { decryptSecret, encryptSecret, keyring, reencryptIfStale, SecretKeyError } from "./secrets";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");
const SECRET = "bdd640fb-0667-4ad1-9c80-317fa3b1799d";

describe("keyring parsing", () => {
  it("accepts a bare key (id k1) and a keyring whose first key is current", () => {
    expect(parseKeyring(k1)?.map((k) => k.id)).toEqual(["k1"]);
    expect(parseKeyring(`new:${k2}, old:${k1}`)?.map((k) => k.id)).toEqual(["new", "old"]);
  });

  it("refuses short keys, duplicate ids and junk", () => {
    expect(parseKeyring(randomBytes(16).toString("base64"))).toBeNull();
    expect(parseKeyring(`a:${k1},a:${k2}`)).toBeNull();
    expect(parseKeyring(`${k1},${k2}`)).toBeNull();
    expect(parseKeyring("not a key")).toBeNull();
  });

  it("refuses to work without a key, saying which setting is missing", () => {
    expect(() => keyring("")).toThrow(SecretKeyError);
  });
});

describe("AES-256-GCM token secrets", () => {
  it("round-trips, with a fresh IV each time and no plaintext in the stored fields", () => {
    const id = randomUUID();
    const ring = keyring(`a:${k1}`);
    const one = encryptSecret(id, SECRET, ring);
    const two = encryptSecret(id, SECRET, ring);
    expect(one.tokenSecretIv).not.toBe(two.tokenSecretIv);
    expect(JSON.stringify(one)).not.toContain(SECRET);
    expect(one.tokenSecretKeyId).toBe("a");
    expect(decryptSecret(id, one, ring)).toBe(SECRET);
  });

  it("binds the ciphertext to its cluster and detects tampering, without echoing the secret", () => {
    const ring = keyring(`a:${k1}`);
    const stored = encryptSecret("cluster-a", SECRET, ring);
    expect(() => decryptSecret("cluster-b", stored, ring)).toThrow(SecretKeyError);
    const flipped = Buffer.from(stored.tokenSecretCiphertext, "base64");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const tampered = { ...stored, tokenSecretCiphertext: flipped.toString("base64") };
    const err = (() => {
      try {
        decryptSecret("cluster-a", tampered, ring);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SecretKeyError);
    expect(String(err)).not.toContain(SECRET);
  });

  it("rotates: old key still decrypts, re-encryption moves to the current key, dropped keys fail plainly", () => {
    const old = keyring(`old:${k1}`);
    const stored = encryptSecret("c", SECRET, old);
    const rotated = keyring(`new:${k2},old:${k1}`);
    expect(decryptSecret("c", stored, rotated)).toBe(SECRET);
    const moved = reencryptIfStale("c", stored, rotated);
    expect(moved?.tokenSecretKeyId).toBe("new");
    expect(reencryptIfStale("c", moved ?? stored, rotated)).toBeNull();
    const onlyNew = keyring(`new:${k2}`);
    expect(decryptSecret("c", moved ?? stored, onlyNew)).toBe(SECRET);
    expect(() => decryptSecret("c", stored, onlyNew)).toThrow(/"old" .* no longer/);
  });
});
