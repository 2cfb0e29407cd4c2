import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importRevenueCsv } from "./csv-import";
import { createTestCluster } from "@/test/earnings-clusters";

// A large file, generated as it is read (never a string in memory), imported through the same
// streaming path the upload route uses. The heap must not grow with the file.
describe("streaming a large CSV", () => {
  it("imports 500,000 rows batch by batch with bounded memory", async () => {
    const cluster = await createTestCluster();
    const rows = 500_000;
    async function* file(): AsyncIterable<string> {
      yield "cluster,network,date,amount,external_id\r\n";
      let chunk = "";
      for (let i = 0; i < rows; i++) {
        const day = `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}`;
        chunk += `${cluster.name},helium,${day},${(i % 97) + 1}.5,big-${i}\r\n`;
        // Odd-sized chunks, as a network delivers them.
        if (chunk.length > 60_001) {
          yield chunk;
          chunk = "";
        }
      }
      yield chunk;
    }
    // Measure what stays reachable (after a full collection), not garbage awaiting collection.
    v8.setFlagsFromString("--expose-gc");
    const collect: unknown = vm.runInNewContext("gc");
    const retained = () => {
      if (typeof collect === "function") collect();
      return process.memoryUsage().heapUsed;
    };
    const before = retained();
    const samples: number[] = [];
    let batches = 0;
    const onProgress = () => {
      if (++batches % 10 === 0) samples.push(retained() - before);
    };
    const summary = await importRevenueCsv({
      chunks: file(),
      actor: { id: null, label: "test" },
      batchSize: 5_000,
      onProgress,
    });
    expect(summary).toMatchObject({
      status: "done",
      rowsRead: rows,
      imported: rows,
      rejected: 0,
      lastCommittedLine: rows + 1,
    });
    expect(
      await db.revenueDaily.aggregate({ where: { clusterId: cluster.id }, _sum: { entries: true } }),
    ).toMatchObject({ _sum: { entries: rows } });
    // The file is ~33 MB of text and over 250 MB as parsed entries; one batch is a few MB. After
    // warming up (client caches), what is retained stays flat however many rows follow.
    expect(batches).toBe(100);
    const half = samples[4] ?? 0;
    const end = samples[9] ?? 0;
    expect(Math.max(...samples)).toBeLessThan(64 * 1024 * 1024);
    expect(end - half).toBeLessThan(8 * 1024 * 1024);
  }, 180_000);
});
