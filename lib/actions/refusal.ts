// A refused attempt by a signed-in member, recorded in the audit trail in its own transaction:
// the same event whether an action or a route handler refused it, and whether the role or the
// member's clusters were the reason. Signed-out callers are not recorded (there is no one to name).
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export async function recordRefusal(
  user: Pick<SessionUser, "id" | "email" | "role">,
  attempted: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: "access.denied",
      actor: { id: user.id, label: user.email },
      payload: { attempted, role: user.role, ...detail },
    }),
  );
}

/** A known API key refused (revoked, or lacking the scope): recorded like a member's refusal. */
export async function recordApiKeyRefusal(key: { id: string; name: string }, attempted: string, reason: string) {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: "access.denied",
      actor: { id: null, label: `api key ${key.name}` },
      targetType: "api-key",
      targetId: key.id,
      payload: { attempted, reason },
    }),
  );
}
