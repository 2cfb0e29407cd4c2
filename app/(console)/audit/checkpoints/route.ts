// GET: the audit trail's signed checkpoints as JSON, with the public key that checks them. Kept
// outside the database (a download, a mail, another site), they let `npm run audit:verify --
// --checkpoints <file> --public-key <key>` catch events cut off or rewritten since.
import { NextResponse } from "next/server";
import { exportCheckpoints } from "@/lib/audit/checkpoints";
import { guardRoute } from "@/lib/actions/route-guard";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  const guard = await guardRoute("audit.export-checkpoints", "audit.view");
  if (!guard.ok) return guard.response;
  const body = await exportCheckpoints(db);
  const day = new Date().toISOString().slice(0, 10);
  return NextResponse.json(body, {
    headers: {
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="sovereign-audit-checkpoints-${day}.json"`,
    },
  });
}
