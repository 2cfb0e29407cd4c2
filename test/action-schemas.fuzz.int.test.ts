// Property-based fuzzing (issue 14) of every server action's input. The actions are found, not
// listed: every entry point (lib/**/actions.ts, lib/**/*-actions.ts) is imported with
// serverAction replaced by a recorder, so each exported action hands over its definition. Each
// input schema then gets arbitrary values (plain, shaped like its fields, and as FormData):
// parsing never throws, an invalid input is refused as a validation result and changes nothing in
// the database, and no input ends in the generic "internal" failure (the action's 500).
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { ActionDefinition } from "@/lib/actions/execute";
import { executeAction } from "@/lib/actions/execute";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createMember } from "@/test/factories";

type AnyDefinition = ActionDefinition<z.ZodType, unknown, never>;

vi.mock("@/lib/actions/server-action", () => ({
  serverAction: (definition: unknown) => Object.assign(async () => undefined, { definition }),
}));
// Opening a vote queues jobs; the queue is not what is under test here.
vi.mock("@/lib/governance/schedule", () => ({ scheduleVotingJobs: async () => undefined }));

const ROOT = path.resolve(import.meta.dirname, "..");
const SEED = 1411;
const RUNS = 25;

function entryPoints(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) return entryPoints(full);
    return /^([a-z-]+-)?actions\.ts$/.test(item.name) ? [full] : [];
  });
}

async function collectDefinitions(): Promise<Array<[string, AnyDefinition]>> {
  const found: Array<[string, AnyDefinition]> = [];
  for (const file of entryPoints(path.join(ROOT, "lib"))) {
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      const definition = (value as { definition?: AnyDefinition } | undefined)?.definition;
      if (definition) found.push([`${path.relative(ROOT, file)} ${name}`, definition]);
    }
  }
  return found;
}

/** Row counts and the newest row version of every table: any insert, update or delete moves it. */
async function fingerprint(): Promise<string> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const parts = tables.map(
    (t) => `SELECT '${t.name}'::text AS t, count(*) AS n, coalesce(max(xmin::text::bigint), 0) AS x FROM "${t.name}"`,
  );
  const rows = await db.$queryRawUnsafe<{ t: string; n: bigint; x: bigint }[]>(parts.join(" UNION ALL "));
  return rows
    .map((r) => `${r.t}:${r.n}:${r.x}`)
    .sort()
    .join(",");
}

const wild = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom("", " ", "00000000-0000-0000-0000-000000000000", "2026-01-01", "-1", "1e309", "NaN", "true", "<b>"),
  fc.uuid(),
  fc.double(),
);

function inputsFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  const keys = shape ? Object.keys(shape) : [];
  const shaped = keys.length
    ? fc.dictionary(fc.constantFrom(...keys), wild, { maxKeys: keys.length + 1 })
    : fc.dictionary(fc.string(), wild);
  const asForm = fc.dictionary(keys.length ? fc.constantFrom(...keys) : fc.string(), fc.string()).map((fields) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return form;
  });
  return fc.oneof(fc.anything(), shaped, asForm);
}

let definitions: Array<[string, AnyDefinition]> = [];
let admin: SessionUser;
beforeAll(async () => {
  definitions = await collectDefinitions();
  admin = await createMember("admin");
}, 60_000);

describe("every server action's input under fuzzing", () => {
  it("finds the actions of every entry point", () => {
    expect(entryPoints(path.join(ROOT, "lib")).length).toBeGreaterThanOrEqual(10);
    expect(definitions.length).toBeGreaterThanOrEqual(40);
    for (const [, definition] of definitions) expect(definition.input).toBeInstanceOf(z.ZodType);
  });

  it("parses without throwing, refuses invalid input as a validation result that changes nothing", async () => {
    for (const [label, definition] of definitions) {
      await fc.assert(
        fc.asyncProperty(inputsFor(definition.input), async (input) => {
          const raw = input instanceof FormData ? Object.fromEntries(input.entries()) : input;
          const parsed = definition.input.safeParse(raw);
          const before = parsed.success ? null : await fingerprint();
          const result = await executeAction(definition, input, admin);
          if (result.ok) return;
          expect(result.code, `${label}: ${result.message}`).not.toBe("internal");
          if (before === null) return;
          expect(result.code, label).toBe("validation");
          expect(await fingerprint(), `${label} wrote on invalid input`).toBe(before);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
  }, 600_000);
});
