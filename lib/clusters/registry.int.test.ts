import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registrationSimulatorPerFile, SOVEREIGN, suffix } from "@/test/simulator-registration";
import { rotateClusterSecrets } from "./rotate";
import { decryptSecret, encryptedSecretSelect, keepEncryptedSecret, keyring } from "./secrets";

const fx = registrationSimulatorPerFile();

describe("the encrypted token at rest", () => {
  it("is left out of every query that does not ask for it by name", async () => {
    const { id } = await fx.register(`omit-${suffix}`);
    const secretKeys = (row: object) => Object.keys(row).filter((key) => key.startsWith("tokenSecret"));
    const [plain] = await db.cluster.findMany({ where: { id } });
    expect(plain?.id).toBe(id);
    expect(secretKeys(plain ?? {})).toEqual([]);
    const inTransaction = await db.$transaction((tx) => tx.cluster.findUniqueOrThrow({ where: { id } }));
    expect(secretKeys(inTransaction)).toEqual([]);
    const counted = await db.cluster.findUniqueOrThrow({ where: { id }, include: { _count: true } });
    expect(secretKeys(counted)).toEqual([]);
    const asked = await db.cluster.findUniqueOrThrow({ where: { id }, select: encryptedSecretSelect });
    expect(secretKeys(asked)).toHaveLength(4);
    expect(secretKeys(await db.cluster.findUniqueOrThrow({ where: { id }, omit: keepEncryptedSecret }))).toHaveLength(
      4,
    );
  });
});

describe("registering and managing a cluster", () => {
  it("rotates the secrets to the current key in one pass; the old key can then go", async () => {
    // Scoped to this test's clusters: other files share the database at the same time, and
    // their clusters must keep the run's key.
    const mine = [(await fx.register(`rot-${suffix}`)).id];
    const next = randomBytes(32).toString("base64");
    const current = process.env.SOVEREIGN_SECRET_KEY ?? "";
    const ring = keyring(`next:${next},${current}`);
    const result = await rotateClusterSecrets(db, ring, mine);
    expect(result).toEqual({ keyId: "next", total: 1, reencrypted: 1 });
    const rows = await db.cluster.findMany({
      where: { id: { in: mine } },
      select: { id: true, tokenSecretKeyId: true },
    });
    expect(rows.map((r) => r.tokenSecretKeyId)).toEqual(["next"]);
    for (const id of mine) {
      const row = await db.cluster.findUniqueOrThrow({ where: { id }, omit: keepEncryptedSecret });
      expect(decryptSecret(id, row, keyring(`next:${next}`))).toBe(SOVEREIGN.secret);
    }
    expect((await rotateClusterSecrets(db, ring, mine)).reencrypted).toBe(0);
    // Back to the run's key so later tests can still decrypt.
    await rotateClusterSecrets(db, keyring(`${current.split(",")[0] ?? ""},next:${next}`), mine);
  });
});
