// Daily prices for scripts: POST {"prices": [{"symbol","date","usd"}]} with an API key that has the
// prices:write scope. Authentication is the key's, checked here (no session).
import { NextResponse } from "next/server";
import { ingestApiPrices } from "@/lib/earnings/api-prices";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function POST(request: Request): Promise<NextResponse> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES)
    return NextResponse.json(
      { message: "The body is too large: send at most 10,000 prices per request." },
      { status: 413 },
    );
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    // Only the key decides 401/403; a malformed body from a valid key is a 400.
    payload = undefined;
  }
  const result = await ingestApiPrices(request.headers.get("authorization"), payload);
  return NextResponse.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}
