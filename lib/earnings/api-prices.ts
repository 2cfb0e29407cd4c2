// POST /api/v1/prices, without HTTP: up to 10,000 daily prices (symbol, date, usd) from a script,
// each validated on its own; the valid ones saved, and the entries they price repriced, in one
// transaction with one audit event.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { MAX_API_BATCH } from "./api-ingest";
import { checkApiKey } from "./api-keys";
import { takeIngestRequest, tooManyRequests } from "./rate-limit";
import { applyPrices, validatePrice, type PriceRow } from "./prices";

const scalar = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));
const priceSchema = z.object({ symbol: scalar, date: scalar, usd: scalar });
const bodySchema = z.object({
  prices: z
    .array(z.unknown())
    .min(1, "Send at least one price.")
    .max(MAX_API_BATCH, `Send at most ${MAX_API_BATCH} prices per request.`),
});

export type ApiPricesResponse =
  | {
      status: 200;
      body: {
        received: number;
        saved: number;
        repriced: number;
        rejected: number;
        errors: Array<{ index: number; field: string; reason: string }>;
      };
    }
  | { status: 400 | 401 | 403; body: { message: string } }
  | ReturnType<typeof tooManyRequests>;

export async function ingestApiPrices(authorization: string | null, payload: unknown): Promise<ApiPricesResponse> {
  const auth = await checkApiKey(db, authorization, "prices:write");
  if (!auth.ok) return { status: auth.status, body: { message: auth.message } };
  // Counted before the body is looked at: a flood of malformed bodies is a flood too.
  const rate = await takeIngestRequest(auth.keyId, "prices:write");
  if (!rate.ok) return tooManyRequests(rate.retryAfterSeconds);
  const body = bodySchema.safeParse(payload);
  if (!body.success)
    return { status: 400, body: { message: body.error.issues[0]?.message ?? 'The body must be {"prices": [...]}.' } };
  const latestDay = new Date().toISOString().slice(0, 10);
  const valid: PriceRow[] = [];
  const errors: Array<{ index: number; field: string; reason: string }> = [];
  body.data.prices.forEach((item, index) => {
    const shaped = priceSchema.safeParse(item);
    const checked = shaped.success
      ? validatePrice(shaped.data, index, latestDay)
      : { problems: [{ line: index, column: "_", reason: "is not an object of strings and numbers" }] };
    if ("problems" in checked)
      for (const p of checked.problems) errors.push({ index, field: p.column, reason: p.reason });
    else valid.push(checked.price);
  });
  const rejected = new Set(errors.map((e) => e.index)).size;
  const result = await db.$transaction(
    async (tx) => {
      const applied = await applyPrices(tx, valid);
      await tx.apiKey.update({ where: { id: auth.keyId }, data: { lastUsedAt: new Date() } });
      await recordAudit(tx, {
        action: "earnings.prices-imported",
        actor: { id: null, label: `api key ${auth.name}` },
        targetType: "token-prices",
        payload: {
          kind: "api",
          apiKeyId: auth.keyId,
          received: body.data.prices.length,
          saved: applied.prices,
          repriced: applied.repriced,
          overwritten: applied.overwritten,
          rejected,
        },
      });
      return applied;
    },
    { timeout: 60_000 },
  );
  return {
    status: 200,
    body: { received: body.data.prices.length, saved: result.prices, repriced: result.repriced, rejected, errors },
  };
}
