// Daily prices for scripts: POST {"prices": [{"symbol","date","usd"}]} with an API key that has the
// prices:write scope.
import { ingestApiPrices } from "@/lib/earnings/api-prices";
import { answerIngest } from "../ingest-route";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return answerIngest(
    request,
    { bytes: 4 * 1024 * 1024, advice: "send at most 10,000 prices per request" },
    ingestApiPrices,
  );
}
