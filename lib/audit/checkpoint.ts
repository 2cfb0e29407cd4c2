// Signed checkpoints of the audit chain: "event #seq has this hash", signed with an Ed25519 key
// kept outside the database. Pure crypto and comparison, no I/O, so the rules are unit-tested.
// The hash chain alone proves the events agree with each other; a checkpoint proves they agree
// with what the chain was when it was signed, so cutting off the newest events, or rewriting the
// chain and re-hashing every event after the change, no longer verifies.
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

export interface Checkpoint {
  seq: bigint;
  hash: string;
  at: Date;
  keyId: string;
  signature: string;
}

/** The exact bytes signed: unambiguous, since seq is digits, hash hex and at an ISO instant. */
export function checkpointMessage(c: Pick<Checkpoint, "seq" | "hash" | "at">): Buffer {
  return Buffer.from(`sovereign-audit-checkpoint:v1:${c.seq}:${c.hash}:${c.at.toISOString()}`, "utf8");
}

/** SHA-256 of the public key's SPKI DER, hex: names the key in checkpoints and exports. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ format: "der", type: "spki" }))
    .digest("hex");
}

/** The public half of a signing key, as base64 SPKI DER: what verifiers are given. */
export function publicKeyBase64(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ format: "der", type: "spki" }).toString("base64");
}

// SPKI DER of an Ed25519 key is this prefix followed by its 32 raw bytes (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Parses a public key given as PEM, base64 SPKI DER or base64 of its 32 raw bytes; null otherwise. */
export function parsePublicKey(value: string): KeyObject | null {
  try {
    const text = value.trim();
    let key: KeyObject;
    if (text.startsWith("-----BEGIN")) key = createPublicKey(text.replace(/\\n/g, "\n"));
    else {
      if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null;
      const der = Buffer.from(text, "base64");
      const spki = der.length === 32 ? Buffer.concat([ED25519_SPKI_PREFIX, der]) : der;
      key = createPublicKey({ key: spki, format: "der", type: "spki" });
    }
    return key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

export function signCheckpoint(privateKey: KeyObject, head: { seq: bigint; hash: string }, at: Date): Checkpoint {
  const content = { seq: head.seq, hash: head.hash, at };
  return {
    ...content,
    keyId: keyIdOf(createPublicKey(privateKey)),
    signature: sign(null, checkpointMessage(content), privateKey).toString("base64"),
  };
}

export function checkpointSignatureValid(c: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, checkpointMessage(c), publicKey, Buffer.from(c.signature, "base64"));
  } catch {
    return false;
  }
}

/** What comparing the chain with its checkpoints found. Anything but "ok" and "none" is a failure,
 * except "unverifiable", which says checkpoints exist but no public key was given to check them. */
export type CheckpointFinding =
  | { status: "ok"; checked: number; lastSeq: bigint; lastAt: Date; uncovered: number }
  | { status: "none" }
  | { status: "unverifiable"; count: number }
  | { status: "bad-signature"; seq: bigint; at: Date }
  | { status: "truncated"; seq: bigint; at: Date; headSeq: bigint | null }
  | { status: "rewritten"; seq: bigint; at: Date };

export function findingFails(finding: CheckpointFinding): boolean {
  return finding.status === "bad-signature" || finding.status === "truncated" || finding.status === "rewritten";
}

/** The seqs whose hashes `compareWithCheckpoints` needs from the chain. */
export function wantedSeqs(checkpoints: readonly Checkpoint[]): Set<bigint> {
  return new Set(checkpoints.map((c) => c.seq));
}

/**
 * Compares checkpoints with the chain as read: `hashes` holds the hash of each wanted seq that
 * exists, `head` the newest event. Checked oldest first; the first failure is returned. A
 * checkpoint beyond the head, or naming an event that is gone, means events were cut off; a
 * different hash at its seq means the chain before it was rewritten.
 */
export function compareWithCheckpoints(
  checkpoints: readonly Checkpoint[],
  hashes: ReadonlyMap<bigint, string>,
  head: { seq: bigint } | null,
  publicKey: KeyObject | null,
  eventsAfter: (seq: bigint) => number,
): CheckpointFinding {
  if (checkpoints.length === 0) return { status: "none" };
  if (!publicKey) return { status: "unverifiable", count: checkpoints.length };
  const sorted = [...checkpoints].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : a.at < b.at ? -1 : 1));
  for (const c of sorted) {
    if (!checkpointSignatureValid(c, publicKey)) return { status: "bad-signature", seq: c.seq, at: c.at };
    const actual = hashes.get(c.seq);
    if (actual === undefined || head === null || head.seq < c.seq)
      return { status: "truncated", seq: c.seq, at: c.at, headSeq: head?.seq ?? null };
    if (actual !== c.hash) return { status: "rewritten", seq: c.seq, at: c.at };
  }
  const last = sorted[sorted.length - 1]!;
  return { status: "ok", checked: sorted.length, lastSeq: last.seq, lastAt: last.at, uncovered: eventsAfter(last.seq) };
}

/** The JSON form of checkpoints for export and for `audit:verify --checkpoints`. */
export interface CheckpointExport {
  format: "sovereign-audit-checkpoints/v1";
  publicKey: string | null;
  message: string;
  checkpoints: Array<{ seq: string; hash: string; at: string; keyId: string; signature: string }>;
}

export function toExport(checkpoints: readonly Checkpoint[], publicKey: string | null): CheckpointExport {
  return {
    format: "sovereign-audit-checkpoints/v1",
    publicKey,
    message: "Ed25519 over UTF-8 'sovereign-audit-checkpoint:v1:<seq>:<hash>:<at ISO 8601>'",
    checkpoints: checkpoints.map((c) => ({
      seq: c.seq.toString(),
      hash: c.hash,
      at: c.at.toISOString(),
      keyId: c.keyId,
      signature: c.signature,
    })),
  };
}

/** Reads an export back; throws with a readable message when it is not one. */
export function fromExport(json: unknown): Checkpoint[] {
  const data = json as Partial<CheckpointExport> | null;
  if (!data || data.format !== "sovereign-audit-checkpoints/v1" || !Array.isArray(data.checkpoints))
    throw new Error("not a sovereign-audit-checkpoints/v1 export");
  return data.checkpoints.map((c, i) => {
    if (!/^\d{1,19}$/.test(String(c.seq)) || !/^[0-9a-f]{64}$/.test(String(c.hash)) || Number.isNaN(Date.parse(c.at)))
      throw new Error(`checkpoint ${i + 1} is malformed`);
    return {
      seq: BigInt(c.seq),
      hash: c.hash,
      at: new Date(c.at),
      keyId: String(c.keyId),
      signature: String(c.signature),
    };
  });
}
