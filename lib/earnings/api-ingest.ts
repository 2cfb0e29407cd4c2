// POST /api/v1/revenue, without HTTP: a batch of up to 10,000 entries, each validated on its own;
// the valid ones are written in one transaction with the rollups, the key's last use and one audit
// event; the response lists what each refused entry got wrong.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { checkApiKey } from "./api-keys";
import { takeIngestRequest, tooManyRequests } from "./rate-limit";
import { insertBatch, loadValidationContext } from "./ingest";
import { ENTRY_FIELDS, validateEntry, type NormalizedEntry, type RawEntry } from "./validate";

export const MAX_API_BATCH = 10_000;

// Each entry is checked by hand rather than by a zod object: on 10,000 entries the schema cost
// as much as all the validation rules together.
type Shaped = { raw: RawEntry } | { error: string };

function scalarOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** An entry's fields as text, or why it is not an object of strings and numbers. */
export function shapeEntry(item: unknown): Shaped {
  if (typeof item !== "object" || item === null || Array.isArray(item))
    return { error: "is not an object of strings and numbers" };
  const raw: RawEntry = {};
  for (const field of ENTRY_FIELDS) {
    const value = scalarOf(Reflect.get(item, field));
    if (value === null) return { error: `${field} is not a string or a number` };
    raw[field] = value;
  }
  const camel = scalarOf(Reflect.get(item, "externalId"));
  if (camel === null) return { error: "externalId is not a string or a number" };
  raw.external_id ??= camel;
  return { raw };
}

const bodySchema = z.object({
  entries: z
    .array(z.unknown())
    .min(1, "Send at least one entry.")
    .max(MAX_API_BATCH, `Send at most ${MAX_API_BATCH} entries per request.`),
});

export interface EntryError {
  index: number;
  field: string;
  reason: string;
}

export type ApiIngestResponse =
  | {
      status: 200;
      body: {
        importId: string;
        received: number;
        imported: number;
        duplicates: number;
        rejected: number;
        errors: EntryError[];
      };
    }
  | { status: 400 | 401 | 403; body: { message: string } }
  | ReturnType<typeof tooManyRequests>;

export async function ingestApiBatch(authorization: string | null, payload: unknown): Promise<ApiIngestResponse> {
  const auth = await checkApiKey(db, authorization, "revenue:write");
  if (!auth.ok) return { status: auth.status, body: { message: auth.message } };
  // Counted before the body is looked at: a flood of malformed bodies is a flood too.
  const rate = await takeIngestRequest(auth.keyId, "revenue:write");
  if (!rate.ok) return tooManyRequests(rate.retryAfterSeconds);
  const body = bodySchema.safeParse(payload);
  if (!body.success)
    return { status: 400, body: { message: body.error.issues[0]?.message ?? 'The body must be {"entries": [...]}.' } };

  const ctx = await loadValidationContext(db, "api");
  const valid: NormalizedEntry[] = [];
  const errors: EntryError[] = [];
  body.data.entries.forEach((item, index) => {
    const shaped = shapeEntry(item);
    if ("error" in shaped) {
      errors.push({ index, field: "_", reason: shaped.error });
      return;
    }
    const checked = validateEntry(shaped.raw, index, ctx);
    if ("problems" in checked)
      for (const p of checked.problems) errors.push({ index, field: p.column, reason: p.reason });
    else valid.push(checked.entry);
  });
  const rejected = new Set(errors.map((e) => e.index)).size;

  const result = await db.$transaction(
    async (tx) => {
      const record = await tx.earningsImport.create({
        data: {
          kind: "api",
          actorLabel: `api key ${auth.name}`,
          status: "done",
          finishedAt: new Date(),
          rowsRead: body.data.entries.length,
          rejected,
          errors: errors.slice(0, 100).map((e) => ({ ...e })),
        },
      });
      const written = await insertBatch(tx, valid, record.id);
      await tx.earningsImport.update({
        where: { id: record.id },
        data: { imported: written.imported, duplicates: written.duplicates },
      });
      await tx.apiKey.update({ where: { id: auth.keyId }, data: { lastUsedAt: new Date() } });
      await recordAudit(tx, {
        action: "earnings.imported",
        actor: { id: null, label: `api key ${auth.name}` },
        targetType: "earnings-import",
        targetId: record.id,
        payload: {
          kind: "api",
          apiKeyId: auth.keyId,
          received: body.data.entries.length,
          imported: written.imported,
          duplicates: written.duplicates,
          rejected,
        },
      });
      return { importId: record.id, ...written };
    },
    { timeout: 60_000 },
  );
  return {
    status: 200,
    body: {
      importId: result.importId,
      received: body.data.entries.length,
      imported: result.imported,
      duplicates: result.duplicates,
      rejected,
      errors,
    },
  };
}
