"use server";
import { z } from "zod";
import { serverAction } from "@/lib/actions/server-action";
import { verifyAuditChain } from "./verify";

export const verifyAuditChainAction = serverAction({
  name: "audit.verify",
  permission: "audit.verify",
  input: z.object({}),
  async run(_input, { tx }) {
    const result = await verifyAuditChain(tx);
    return result.ok
      ? { ok: true as const, checked: result.checked }
      : {
          ok: false as const,
          checked: result.checked,
          seq: result.broken.seq.toString(),
          reason: result.broken.reason,
        };
  },
});
