// `npm run sim [-- --file path.json] [--seed N] [--time-scale X] [--ephemeral]`: serves a
// federation of simulated Proxmox VE clusters until interrupted, and prints how to reach them.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadFederationFile, startSimulator } from "./index";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: "string", default: path.join(import.meta.dirname, "federations", "demo.json") },
      seed: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "time-scale": { type: "string", default: "1" },
      ephemeral: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      "cert-dir": { type: "string", default: path.join(process.cwd(), ".data", "simulator-certs") },
    },
  });
  const spec = await loadFederationFile(values.file, values.seed === undefined ? undefined : Number(values.seed));
  const sim = await startSimulator(spec, {
    host: values.host,
    timeScale: Number(values["time-scale"]),
    ephemeralPorts: values.ephemeral,
    certDir: values["cert-dir"],
  });
  const rows = sim.clusters.map((c) => ({
    name: c.name,
    url: c.url,
    fingerprint: c.fingerprint,
    controlUrl: c.controlUrl,
    tokens: c.tokens.map((t) => ({ tokenId: t.tokenId, secret: t.secret })),
  }));
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log(`Simulated Proxmox VE federation from ${values.file} (seed ${spec.seed}): ${rows.length} clusters`);
    for (const r of rows) {
      console.log(
        `\n${r.name}\n  url          ${r.url}\n  fingerprint  ${r.fingerprint}\n  control      ${r.controlUrl}`,
      );
      // These are demo secrets of simulated clusters, printed so the operator can register them.
      for (const t of r.tokens) console.log(`  token        ${t.tokenId}  secret ${t.secret}`);
    }
    console.log(
      "\nFault injection: curl -X POST <control>/down -d '{\"down\":true}'  (see lib/proxmox/simulator/control.ts)",
    );
  }
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
