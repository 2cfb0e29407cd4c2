// The shape both ingest endpoints share: a bounded JSON body, authenticated by the API key in the
// Authorization header (no session), answered with whatever status the ingest decides.
import { NextResponse } from "next/server";

interface IngestResponse {
  status: number;
  body: unknown;
}

export interface IngestLimit {
  /** Bytes of body accepted; larger bodies are refused with 413 before being parsed. */
  bytes: number;
  /** What the caller should do instead, e.g. "send at most 10,000 entries per request". */
  advice: string;
}

export async function answerIngest(
  request: Request,
  limit: IngestLimit,
  ingest: (authorization: string | null, payload: unknown) => Promise<IngestResponse>,
): Promise<NextResponse> {
  const tooLarge = () => NextResponse.json({ message: `The body is too large: ${limit.advice}.` }, { status: 413 });
  if (Number(request.headers.get("content-length") ?? "0") > limit.bytes) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > limit.bytes) return tooLarge();
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    // Only the key decides 401/403; a malformed body from a valid key is the ingest's 400.
    payload = undefined;
  }
  const result = await ingest(request.headers.get("authorization"), payload);
  return NextResponse.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}
