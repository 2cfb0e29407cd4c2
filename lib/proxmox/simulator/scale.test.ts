// Determinism and scale: the same spec and seed give the same federation; one process serves
// 100 clusters; a 2,000-guest cluster's resources come back quickly.
import { describe, expect, it } from "vitest";
import { generateCluster, generateFederation, loadFederationFile, startSimulator } from "./index";
import path from "node:path";
import { call } from "@/test/simulator-https";

const fixedClock = (): number => Date.UTC(2026, 10, 28, 12, 0, 0);

async function snapshot(seed: number): Promise<unknown> {
  const spec = await loadFederationFile(path.join(import.meta.dirname, "federations", "demo.json"), seed);
  const sim = await startSimulator(spec, {
    ephemeralPorts: true,
    now: fixedClock,
    timeScale: 0.001,
    authFailureDelayMs: 5,
  });
  try {
    const out: unknown[] = [];
    for (const c of sim.clusters) {
      const r = await call(c, "GET", "/cluster/resources");
      out.push(
        c.name,
        c.tokens.map((t) => t.tokenId),
        r.json?.data,
      );
    }
    return out;
  } finally {
    await sim.close();
  }
}

describe("determinism", () => {
  it("same file and seed give the same objects (loads included, at the same instant)", async () => {
    const a = await snapshot(42);
    const b = await snapshot(42);
    expect(a).toEqual(b);
    expect(await snapshot(43)).not.toEqual(a);
  });
  it("the demo federation has the sites the map and the audit expect", async () => {
    const spec = await loadFederationFile(path.join(import.meta.dirname, "federations", "demo.json"));
    const roles = spec.clusters.map((c) => c.site?.role);
    expect(roles).toEqual(expect.arrayContaining(["primary", "regional-backup", "remote", "edge"]));
    expect(new Set(spec.clusters.map((c) => c.port)).size).toBe(spec.clusters.length);
    expect(spec.clusters.every((c) => c.tokens?.some((t) => t.tokenId === "sovereign@pve!console"))).toBe(true);
  });
});

describe("scale", () => {
  it("serves 100 clusters from one process, each with its own CA", async () => {
    const t = Date.now();
    const sim = await startSimulator(generateFederation(100, 9, { nodes: 2, guests: 10 }), {
      timeScale: 0.001,
      authFailureDelayMs: 5,
    });
    try {
      const started = Date.now() - t;
      const answers = await Promise.all(sim.clusters.map((c) => call(c, "GET", "/version")));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(new Set(sim.clusters.map((c) => c.caPem)).size).toBe(100);
      expect(new Set(sim.clusters.map((c) => c.fingerprint)).size).toBe(100);
      console.log(`100 clusters started in ${started} ms`);
    } finally {
      await sim.close();
    }
  }, 60_000);
  it("answers /cluster/resources for 20 nodes and 2,000 guests quickly", async () => {
    const sim = await startSimulator(
      { seed: 1, clusters: [generateCluster({ name: "big", nodes: 20, guests: 2000, seed: 1 })] },
      { timeScale: 0.001 },
    );
    try {
      const c = sim.clusters[0];
      if (!c) throw new Error("no cluster");
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        const r = await call(c, "GET", "/cluster/resources");
        times.push(performance.now() - t);
        count = (r.json?.data as unknown[]).length;
      }
      times.sort((x, y) => x - y);
      console.log(`2,000-guest /cluster/resources: median ${times[7]?.toFixed(1)} ms, ${count} entries`);
      expect(count).toBeGreaterThanOrEqual(2000 + 20);
      expect(times[7]).toBeLessThan(250);
    } finally {
      await sim.close();
    }
  }, 60_000);
});
