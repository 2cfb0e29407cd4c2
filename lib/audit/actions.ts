"use server";
import { createPublicKey } from "node:crypto";
import { z } from "zod";
import { serverAction } from "@/lib/actions/server-action";
import { findingFails } from "./checkpoint";
import { auditSigningKey } from "./checkpoints";
import { describeBreak, describeFinding } from "./report";
import { verifyAuditChain } from "./verify";

export const verifyAuditChainAction = serverAction({
  name: "audit.verify",
  permission: "audit.verify",
  input: z.object({}),
  async run(_input, { tx }) {
    const key = auditSigningKey();
    const result = await verifyAuditChain(tx, { publicKey: key ? createPublicKey(key) : null });
    return {
      ok: result.ok,
      checked: result.checked,
      chain: result.ok || !result.broken ? null : describeBreak(result.broken, result.checked),
      checkpoints: describeFinding(result.checkpoints),
      checkpointsFailed: findingFails(result.checkpoints),
      truncated: result.checkpoints.status === "truncated",
    };
  },
});
