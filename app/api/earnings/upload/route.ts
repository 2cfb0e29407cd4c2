// The browser's CSV upload: the file is the request body, streamed and imported batch by batch
// (never held in memory), and the response streams progress as NDJSON lines, ending with the
// summary. A route handler rather than a server action because actions buffer their body; so it
// checks the session and the role itself.
import { NextResponse } from "next/server";
import { z } from "zod";
import { guardClusters, guardRoute } from "@/lib/actions/route-guard";
import { importRevenueCsv } from "@/lib/earnings/csv-import";
import { importPricesCsv } from "@/lib/earnings/prices-import";
import { decodeStream } from "@/lib/earnings/upload-stream";
import { ENTRY_FIELDS } from "@/lib/earnings/validate";

export const dynamic = "force-dynamic";

const mappingSchema = z.partialRecord(z.enum(ENTRY_FIELDS), z.string().max(200));
const querySchema = z.object({
  kind: z.enum(["revenue", "prices"]).default("revenue"),
  fileName: z.string().max(255).optional(),
  resumeAfterLine: z.coerce.number().int().min(0).optional(),
  mapping: z
    .string()
    .max(5000)
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      try {
        const parsed = mappingSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // Falls through to the issue below: the client sent something that is not JSON.
      }
      ctx.addIssue({ code: "custom", message: "mapping must be a JSON object of field → column" });
      return z.NEVER;
    }),
});

export async function POST(request: Request): Promise<Response> {
  const guard = await guardRoute("earnings.upload", "earnings.import");
  if (!guard.ok) return guard.response;
  const { user, scope } = guard;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return NextResponse.json({ message: query.error.issues[0]?.message ?? "Bad request." }, { status: 400 });
  if (!request.body) return NextResponse.json({ message: "Send the file as the request body." }, { status: 400 });

  // Token prices value every cluster's rewards: only a member who acts on every cluster sets them.
  // Revenue rows for clusters outside a limited member's assignments are rejected row by row.
  if (query.data.kind === "prices") {
    const scoped = await guardClusters(guard, "earnings.upload", "federation");
    if (!scoped.ok) return scoped.response;
  }
  const recordable = scope.all ? undefined : scope.clusterIds;
  const actor = { id: user.id, label: user.email };
  const chunks = decodeStream(request.body);
  const { kind, fileName, resumeAfterLine, mapping } = query.data;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: object) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        if (kind === "prices") {
          send({ type: "done", kind, summary: await importPricesCsv({ chunks, actor, fileName }) });
        } else {
          const summary = await importRevenueCsv({
            chunks,
            actor,
            fileName,
            mapping,
            recordable,
            resumeAfterLine,
            onProgress: (progress) => send({ type: "progress", ...progress }),
          });
          send({ type: "done", kind, summary });
        }
      } catch (error) {
        console.error("[earnings upload] failed", error instanceof Error ? error.message : error);
        send({
          type: "error",
          message: "The import failed on our side. Rows already committed stay; try again to resume.",
        });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" } });
}
