// The boundary rule, run through ESLint with the project's own config: a forbidden import fails
// `npm run lint`, an allowed one passes, and no lib area escapes the rule by being left out.
import { readdirSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { LAYERS } from "./boundaries.mjs";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

describe("area boundaries", () => {
  it("rejects an import from a higher area", async () => {
    const found = await restrictedImports(
      "lib/governance/example.ts",
      'import { x } from "@/lib/placement/engine/model";\nexport const y = x;\n',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("lib/governance sits below");
  });

  it("rejects a relative path that climbs into a higher area", async () => {
    const found = await restrictedImports(
      "lib/clusters/example.ts",
      'import { x } from "../sync/read";\nexport const y = x;\n',
    );
    expect(found).toHaveLength(1);
  });

  it("allows an import from a lower area", async () => {
    const found = await restrictedImports(
      "lib/placement/example.ts",
      'import { x } from "@/lib/governance/tally";\nexport const y = x;\n',
    );
    expect(found).toEqual([]);
  });

  it("keeps server-action modules as entry points and test support out of production code", async () => {
    const action = await restrictedImports(
      "lib/placement/example.ts",
      'import { x } from "@/lib/governance/actions";\nexport const y = x;\n',
    );
    expect(action[0]).toContain("entry point");
    const support = await restrictedImports(
      "lib/sync/example.ts",
      'import { x } from "@/test/factories";\nexport const y = x;\n',
    );
    expect(support[0]).toContain("test/ holds test support");
  });

  it("keeps the placement engine free of I/O", async () => {
    const found = await restrictedImports(
      "lib/placement/engine/example.ts",
      'import { db } from "@/lib/db";\nimport { Worker } from "node:worker_threads";\nexport const y = [db, Worker];\n',
    );
    expect(found).toHaveLength(2);
    const pure = await restrictedImports(
      "lib/placement/engine/example.ts",
      'import { x } from "./model";\nimport { haversineKm } from "@/lib/geo/distance";\nexport const y = [x, haversineKm];\n',
    );
    expect(pure).toEqual([]);
  });

  it("lets components import types, not values, from server modules", async () => {
    const found = await restrictedImports(
      "components/example.tsx",
      'import { db } from "@/lib/db";\nimport type { Row } from "@/lib/clusters/queries";\nexport const y: Row | typeof db = db;\n',
    );
    expect(found).toHaveLength(1);
  });

  it("has a valid rule for a file in every layer, the top one included", async () => {
    for (const area of LAYERS) {
      expect(
        await restrictedImports(`lib/${area}/example.ts`, 'import { db } from "@/lib/db";\nexport const y = db;\n'),
      ).toEqual(
        area === "env" || area === "random" || area === "format" || area === "geo" || area === "charts"
          ? [expect.any(String)]
          : [],
      );
    }
  });

  it("places every lib area in a layer", () => {
    // A test beside a one-file area (lib/env.test.ts) is not an area of its own.
    const areas = readdirSync(path.join(root, "lib"), { withFileTypes: true })
      .filter((entry) => !entry.name.endsWith(".test.ts"))
      .map((entry) => entry.name.replace(/\.ts$/, ""));
    expect(areas.filter((area) => !LAYERS.includes(area))).toEqual([]);
  });
});
