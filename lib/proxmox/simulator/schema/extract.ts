// Regenerates pve-api-subset.json from the official PVE 9.1 schema (pve-docs apidata, see
// shared/proxmox/PVE-API-NOTES.md §6) so the simulator ships without the 2 MB original.
// Usage: npx tsx lib/proxmox/simulator/schema/extract.ts ../shared/proxmox/pve-api-schema.json
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { IMPLEMENTED_METHODS } from "./methods";

interface TreeNode {
  path: string;
  info?: Record<string, unknown>;
  children?: TreeNode[];
}

export function indexSchema(tree: TreeNode[]): Map<string, Record<string, unknown>> {
  const index = new Map<string, Record<string, unknown>>();
  const walk = (nodes: TreeNode[]): void => {
    for (const n of nodes) {
      for (const [method, info] of Object.entries(n.info ?? {}))
        index.set(`${method} ${n.path}`, info as Record<string, unknown>);
      walk(n.children ?? []);
    }
  };
  walk(tree);
  return index;
}

function main(): void {
  const source = process.argv[2];
  if (!source) throw new Error("usage: extract.ts <pve-api-schema.json>");
  const index = indexSchema(JSON.parse(readFileSync(source, "utf8")) as TreeNode[]);
  const subset: Record<string, unknown> = {};
  for (const key of IMPLEMENTED_METHODS) {
    const info = index.get(key);
    if (!info) throw new Error(`not in the schema: ${key}`);
    subset[key] = info;
  }
  const out = path.join(import.meta.dirname, "pve-api-subset.json");
  writeFileSync(
    out,
    JSON.stringify(
      {
        source: "proxmox/pve-docs@a8736b6d6169ea9679ee02285ea36fdab42e85c3:api-viewer/apidata.js (PVE 9.1)",
        methods: subset,
      },
      null,
      1,
    ) + "\n",
  );
  console.log(`wrote ${Object.keys(subset).length} methods to ${out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
