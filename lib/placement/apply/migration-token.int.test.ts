// The migration token on the move's path: a target without one is refused before Proxmox is
// asked, and the failure text a move stores (and audits) is scrubbed of every credential.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createMember } from "@/test/factories";
import { createPlan, startPlacementFederation, type PlacementFederation } from "@/test/placement-apply";
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
});
