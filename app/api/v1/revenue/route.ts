// The ingest API for scripts: POST {"entries": [...]} with "Authorization: Bearer <API key>"; see
// lib/earnings/api-ingest.ts.
import { ingestApiBatch } from "@/lib/earnings/api-ingest";
import { answerIngest } from "../ingest-route";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  // 10,000 entries of a few hundred bytes each fit well within 8 MiB.
  return answerIngest(
    request,
    { bytes: 8 * 1024 * 1024, advice: "send at most 10,000 entries per request" },
    ingestApiBatch,
  );
}
