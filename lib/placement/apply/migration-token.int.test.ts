// The migration token on the move's path: a target without one is refused before Proxmox is
// asked, and the failure text a move stores (and audits) is scrubbed of every credential.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createMember } from "@/test/factories";
import { createPlan, startPlacementFederation, type PlacementFederation } from "@/test/placement-apply";
import { setMigrationToken } from "@/lib/clusters/migration-token-mutations";
import { applyMove } from "./mutations";
import { taskError } from "./remote-migrate";

let fed: PlacementFederation;
beforeAll(async () => {
  fed = await startPlacementFederation();
});
afterAll(async () => {
  await fed?.close();
});

describe("the migration token", () => {
  it("a target without a migration token is refused before the source cluster is asked; the audit says why", async () => {
    const saved = await db.cluster.findUniqueOrThrow({
      where: { id: fed.dst.id },
      select: {
        migrationTokenId: true,
        migrationTokenSecretCiphertext: true,
        migrationTokenSecretIv: true,
        migrationTokenSecretTag: true,
        migrationTokenSecretKeyId: true,
      },
    });
    const none = Object.fromEntries(Object.keys(saved).map((k) => [k, null]));
    await db.cluster.update({ where: { id: fed.dst.id }, data: none });
    try {
      const operator = await createMember("operator");
      const { moveIds } = await createPlan(operator.id, [{ from: fed.src, to: fed.dst, vmid: 103 }]);
      fed.src.sim.clearRequests();
      const result = await executeAction(applyMove, { moveId: moveIds[0]! }, operator);
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/has no migration token/) });
      expect(fed.src.sim.requests.filter((r) => r.path.includes("remote_migrate"))).toEqual([]);
      const event = await db.auditEvent.findFirstOrThrow({
        where: { action: "placement.move-failed", targetId: moveIds[0]! },
      });
      expect(JSON.stringify(event.payload)).toMatch(/has no migration token/);
    } finally {
      await db.cluster.update({ where: { id: fed.dst.id }, data: saved });
    }
  });

  it("the stored task error is scrubbed of the target's migration secret and of any other token", async () => {
    const mine = fed.migrationTokens.dst.secret;
    const theirs = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";
    const text = await taskError(
      `error - tunnel failed: secret ${mine}; apitoken=PVEAPIToken=x@pve!y=${theirs},host=h`,
      fed.dst.id,
    );
    expect(text).toMatch(/^The migration task failed: error - tunnel failed/);
    expect(text).not.toContain(mine);
    expect(text).not.toContain(theirs);
  });

  it("an admin sets it only when it holds exactly the migration grants; the secret stays out of queries and audit", async () => {
    const admin = await createMember("admin");
    const token = fed.migrationTokens.src;
    // The console token is refused outright, an over-privileged one after asking the cluster.
    expect(
      await executeAction(
        setMigrationToken,
        { clusterId: fed.src.id, tokenId: "sovereign@pve!console", tokenSecret: fed.secrets.src },
        admin,
      ),
    ).toMatchObject({ ok: false, code: "validation" });
    // weak's token lacks Sys.Incoming: refused, naming what is missing.
    const weak = fed.migrationTokens.weak;
    expect(
      await executeAction(
        setMigrationToken,
        { clusterId: fed.weak.id, tokenId: weak.tokenId, tokenSecret: weak.secret },
        admin,
      ),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/lacks Sys\.Incoming on \//) });
    const operator = await createMember("operator");
    expect(
      await executeAction(
        setMigrationToken,
        { clusterId: fed.src.id, tokenId: token.tokenId, tokenSecret: token.secret },
        operator,
      ),
    ).toMatchObject({ ok: false, code: "forbidden" });

    const ok = await executeAction(
      setMigrationToken,
      { clusterId: fed.src.id, tokenId: token.tokenId, tokenSecret: token.secret },
      admin,
    );
    expect(ok).toMatchObject({ ok: true, data: { tokenId: token.tokenId } });
    const row = await db.cluster.findUniqueOrThrow({ where: { id: fed.src.id } });
    expect(row.migrationTokenId).toBe(token.tokenId);
    expect(JSON.stringify(row)).not.toContain("migrationTokenSecret");
    const events = await db.auditEvent.findMany({ where: { targetId: fed.src.id }, select: { payload: true } });
    expect(JSON.stringify(events)).not.toContain(token.secret);
  });
});
