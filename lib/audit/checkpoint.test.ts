import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSigningKey } from "@/lib/env";
import {
  checkpointSignatureValid,
  compareWithCheckpoints,
  fromExport,
  parsePublicKey,
  publicKeyBase64,
  signCheckpoint,
  toExport,
} from "./checkpoint";

const { privateKey } = generateKeyPairSync("ed25519");
const publicKey = createPublicKey(privateKey);
const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);
const AT = new Date("2026-12-04T10:00:00.000Z");

describe("audit checkpoints", () => {
  it("accept the signing key as PKCS#8 DER, as a 32-byte seed and as PEM, and refuse anything else", () => {
    const der = privateKey.export({ format: "der", type: "pkcs8" });
    const seed = der.subarray(der.length - 32);
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    for (const form of [der.toString("base64"), seed.toString("base64"), pem, pem.replace(/\n/g, "\\n")]) {
      expect(publicKeyBase64(parseSigningKey(form)!)).toBe(publicKeyBase64(privateKey));
    }
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey;
    expect(parseSigningKey(rsa.export({ format: "der", type: "pkcs8" }).toString("base64"))).toBeNull();
    expect(parseSigningKey("not a key")).toBeNull();
    expect(parseSigningKey(Buffer.alloc(31).toString("base64"))).toBeNull();
  });

  it("accept the public key as SPKI DER, raw 32 bytes and PEM", () => {
    const spki = publicKey.export({ format: "der", type: "spki" });
    const forms = [
      spki.toString("base64"),
      spki.subarray(12).toString("base64"),
      publicKey.export({ format: "pem", type: "spki" }).toString(),
    ];
    const c = signCheckpoint(privateKey, { seq: 5n, hash: HASH_A }, AT);
    for (const form of forms) expect(checkpointSignatureValid(c, parsePublicKey(form)!)).toBe(true);
    expect(parsePublicKey("###")).toBeNull();
  });

  it("sign seq, hash and time: changing any one invalidates the signature", () => {
    const c = signCheckpoint(privateKey, { seq: 5n, hash: HASH_A }, AT);
    expect(checkpointSignatureValid(c, publicKey)).toBe(true);
    expect(checkpointSignatureValid({ ...c, seq: 6n }, publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...c, hash: HASH_B }, publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...c, at: new Date(AT.getTime() + 1) }, publicKey)).toBe(false);
    expect(checkpointSignatureValid(c, createPublicKey(generateKeyPairSync("ed25519").privateKey))).toBe(false);
  });

  it("compare with the chain: truncated, rewritten, ok with the events not yet covered", () => {
    const c = signCheckpoint(privateKey, { seq: 5n, hash: HASH_A }, AT);
    const none = () => 0;
    expect(compareWithCheckpoints([], new Map(), null, publicKey, none)).toEqual({ status: "none" });
    expect(compareWithCheckpoints([c], new Map(), null, null, none)).toEqual({ status: "unverifiable", count: 1 });
    expect(compareWithCheckpoints([c], new Map([[4n, HASH_B]]), { seq: 4n }, publicKey, none)).toMatchObject({
      status: "truncated",
      seq: 5n,
      headSeq: 4n,
    });
    expect(compareWithCheckpoints([c], new Map(), { seq: 9n }, publicKey, none)).toMatchObject({ status: "truncated" });
    expect(compareWithCheckpoints([c], new Map([[5n, HASH_B]]), { seq: 9n }, publicKey, none)).toMatchObject({
      status: "rewritten",
      seq: 5n,
    });
    expect(compareWithCheckpoints([c], new Map([[5n, HASH_A]]), { seq: 9n }, publicKey, () => 3)).toMatchObject({
      status: "ok",
      lastSeq: 5n,
      uncovered: 3,
    });
  });

  it("round-trip through the JSON export and reject a malformed one", () => {
    const c = signCheckpoint(privateKey, { seq: 12345678901234n, hash: HASH_A }, AT);
    const json = JSON.parse(JSON.stringify(toExport([c], publicKeyBase64(privateKey))));
    expect(fromExport(json)).toEqual([c]);
    expect(() => fromExport({ format: "other" })).toThrow(/not a sovereign-audit-checkpoints/);
    expect(() => fromExport({ ...json, checkpoints: [{ ...json.checkpoints[0], hash: "zz" }] })).toThrow(/malformed/);
  });
});
