// GET: the audit trail's signed checkpoints as JSON, with the public key that checks them. Kept
// outside the database (a download, a mail, another site), they let `npm run audit:verify --
// --checkpoints <file> --public-key <key>` catch events cut off or rewritten since.
import { NextResponse } from "next/server";
import { exportCheckpoints } from "@/lib/audit/checkpoints";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ message: "Sign in again." }, { status: 401 });
  if (!can(user.role, "audit.view"))
    return NextResponse.json({ message: "Your role does not allow this." }, { status: 403 });
  const body = await exportCheckpoints(db);
  const day = new Date().toISOString().slice(0, 10);
  return NextResponse.json(body, {
    headers: {
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="sovereign-audit-checkpoints-${day}.json"`,
    },
  });
}
