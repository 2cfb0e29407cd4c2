// The ingest API for scripts: POST {"entries": [...]} with "Authorization: Bearer <API key>".
// Authentication is the key's, checked here (no session); see lib/earnings/api-ingest.ts.
import { NextResponse } from "next/server";
import { ingestApiBatch } from "@/lib/earnings/api-ingest";

export const dynamic = "force-dynamic";

// 10,000 entries of a few hundred bytes each fit well within this.
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export async function POST(request: Request): Promise<NextResponse> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES)
    return NextResponse.json(
      { message: "The body is too large: send at most 10,000 entries per request." },
      { status: 413 },
    );
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES)
    return NextResponse.json(
      { message: "The body is too large: send at most 10,000 entries per request." },
      { status: 413 },
    );
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    // Only the key decides 401/403; a malformed body from a valid key is a 400 below.
    payload = undefined;
  }
  const result = await ingestApiBatch(request.headers.get("authorization"), payload);
  return NextResponse.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}
