// Property-based fuzzing (issue 14) of the Proxmox response parsers: whatever a cluster (or
// something pretending to be one) answers, parsing ends in data or a ProxmoxBadResponseError,
// never another exception. Every zod schema exported by schemas.ts and guest-schemas.ts is found
// automatically, so a new one is fuzzed without being listed here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ProxmoxBadResponseError, ProxmoxError } from "./errors";
import * as guestSchemas from "./guest-schemas";
import { toBool, toNumber } from "./lenient";
import { dataFromResponse, errorFromResponse, parseData } from "./responses";
import * as schemas from "./schemas";

const ctx = { endpoint: "pve.test:8006", method: "GET", path: "/nodes/pve1/status" };
const SEED = 1414;
const RUNS = 150;

const exported = Object.entries({ ...schemas, ...guestSchemas } as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
);

/** Arbitrary JSON, and objects that use the schema's own keys (deeper paths get exercised). */
function inputsFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const wild = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(null, "", "NaN", "1e400", "-0", "0x1F", " 12 ", "true", "on", [], {}),
    fc.double(),
    fc.bigInt().map(String),
  );
  const shaped = keys.length
    ? fc.dictionary(fc.constantFrom(...keys), wild, { maxKeys: keys.length })
    : fc.dictionary(fc.string(), wild);
  return fc.oneof(wild, shaped, fc.array(shaped, { maxLength: 5 }));
}

function expectTypedOutcome(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProxmoxBadResponseError);
  }
}

describe("Proxmox response parsers under fuzzing", () => {
  it("finds the schemas to fuzz", () => {
    expect(exported.length).toBeGreaterThanOrEqual(15);
  });

  it.each(exported)("%s: arbitrary JSON parses or fails with ProxmoxBadResponseError", (_name, schema) => {
    fc.assert(
      fc.property(inputsFor(schema), (data) => expectTypedOutcome(() => parseData(schema, data, ctx, 200))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("an arbitrary 2xx body becomes data or ProxmoxBadResponseError", () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
      fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? "")),
      fc.jsonValue().map((data) => Buffer.from(JSON.stringify({ data }))),
    );
    fc.assert(
      fc.property(body, fc.constantFrom("application/json", "text/html", ""), (buffer, contentType) =>
        expectTypedOutcome(() =>
          parseData(
            schemas.nodeStatusSchema,
            dataFromResponse({ status: 200, reason: "OK", contentType, body: buffer }, ctx),
            ctx,
            200,
          ),
        ),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("an arbitrary error answer becomes a ProxmoxError, never a throw", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 599 }),
        fc.string(),
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
          fc.jsonValue().map((v) => Buffer.from(JSON.stringify({ message: v, errors: v }) ?? "")),
        ),
        (status, reason, body) => {
          const error = errorFromResponse({ status, reason, contentType: "application/json", body }, ctx, ["s3cr3t"]);
          expect(error).toBeInstanceOf(ProxmoxError);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("the lenient coercions never throw", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const b = toBool(value);
        const n = toNumber(value);
        expect(b === undefined || typeof b === "boolean").toBe(true);
        expect(n === undefined || Number.isFinite(n)).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
