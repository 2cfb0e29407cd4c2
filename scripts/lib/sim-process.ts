// The simulated federation in a process of its own, for benchmarks: started from a spec file,
// it prints its clusters (addresses, fingerprints, control URLs) as JSON and runs until stopped.
import { spawn, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { SimulatedClusterInfo } from "@/lib/clusters/demo";
import type { FederationSpec } from "@/lib/proxmox/simulator";

export interface SimProcess {
  child: ChildProcess;
  clusters: Array<SimulatedClusterInfo & { controlUrl: string }>;
}

/**
 * The simulated clusters run in a process of their own (`npm run sim`), as real clusters run on
 * other machines: in this process their CPU would be charged to the sync being measured.
 */
export async function startSimProcess(spec: FederationSpec, dir: string): Promise<SimProcess> {
  const file = path.join(dir, "federation.json");
  await writeFile(file, JSON.stringify(spec));
  const root = path.resolve(import.meta.dirname, "..", "..");
  const child = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    [
      path.join(root, "lib/proxmox/simulator/cli.ts"),
      "--file",
      file,
      "--ephemeral",
      "--json",
      "--time-scale",
      "0.01",
      "--cert-dir",
      path.join(dir, "certs"),
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  const clusters = await new Promise<SimProcess["clusters"]>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the simulator exited (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      try {
        resolve(JSON.parse(out) as SimProcess["clusters"]);
      } catch {
        // Not the whole document yet.
      }
    });
  });
  return { child, clusters };
}
