// The shape both ingest endpoints share: a bounded JSON body, authenticated by the API key in the
// Authorization header (no session), answered with whatever status the ingest decides.
import { NextResponse } from "next/server";

interface IngestResponse {
  status: number;
  body: unknown;
  /** e.g. Retry-After on a 429. */
  headers?: Record<string, string>;
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
  // Read up to the limit and no further: a body sent without a length (chunked) is not buffered whole.
  const text = await readBounded(request, limit.bytes);
  if (text === null) return tooLarge();
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    // Only the key decides 401/403; a malformed body from a valid key is the ingest's 400.
    payload = undefined;
  }
  const result = await ingest(request.headers.get("authorization"), payload);
  return NextResponse.json(result.body, {
    status: result.status,
    headers: { ...result.headers, "Cache-Control": "no-store" },
  });
}

/** The body as text, or null as soon as it passes `bytes` (the rest is never read). */
async function readBounded(request: Request, bytes: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > bytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
