import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importRevenueCsv } from "./csv-import";
import { createTestCluster } from "@/test/earnings-clusters";

const actor = { id: null, label: "test" } as const;

async function* chunked(text: string, size = 13): AsyncIterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function run(text: string, extra: { batchSize?: number; resumeAfterLine?: number; fileName?: string } = {}) {
  return importRevenueCsv({ chunks: chunked(text), actor, fileName: extra.fileName ?? "test.csv", ...extra });
}

async function ledger(clusterId: string) {
  const entries = await db.revenueEntry.count({ where: { clusterId } });
  const rollups = await db.revenueDaily.aggregate({ where: { clusterId }, _sum: { entries: true } });
  return { entries, rolledUp: rollups._sum.entries ?? 0 };
}

let alpha: { id: string; name: string };
beforeAll(async () => {
  alpha = await createTestCluster({ name: `alpha-${Date.now()}` });
});

describe("CSV import edge cases", () => {
  it("imports a BOM + CRLF file with quoted commas, and reports bad rows by line and column", async () => {
    const csv = [
      "\ufeffcluster,network,date,amount,workload,external_id",
      `${alpha.name},helium,2026-01-01,10.5,"hotspot, north",a1`,
      `${alpha.name},Filecoin,2026-01-01,2,,a2`,
      `${alpha.name},helium,2026-01-02,-3,,a3`,
      `${alpha.name},helium,2026-01-02,99999999999,,a4`,
      `nowhere,helium,2026-01-02,1,,a5`,
      `${alpha.name},dogecoin,2026-01-02,1,,a6`,
      `${alpha.name},helium,2999-01-01,1,,a7`,
      `${alpha.name},helium,2026-01-03,1`,
      `${alpha.name},helium,2026-01-03,1,x,a9,extra`,
      `${alpha.name},helium,2026-01-01,10.5,"hotspot, north",a1`,
      "",
    ].join("\r\n");
    const summary = await run(csv);
    expect(summary).toMatchObject({
      status: "done",
      rowsRead: 10,
      imported: 2,
      duplicates: 1,
      rejected: 7,
      lastCommittedLine: 11,
    });
    expect(summary.problems).toEqual([
      { line: 4, column: "amount", reason: "is negative" },
      { line: 5, column: "amount", reason: expect.stringContaining("implausibly large") },
      { line: 6, column: "cluster", reason: expect.stringContaining("unknown cluster") },
      { line: 7, column: "network", reason: expect.stringContaining("unknown network") },
      { line: 8, column: "date", reason: expect.stringContaining("future") },
      { line: 9, column: "_", reason: expect.stringContaining("missing columns") },
      { line: 10, column: "_", reason: expect.stringContaining("extra columns") },
    ]);
    const quoted = await db.revenueEntry.findFirstOrThrow({ where: { clusterId: alpha.id, externalId: "a1" } });
    expect(quoted.workload).toBe("hotspot, north");
    expect(quoted.tokenSymbol).toBe("HNT");
    expect(await ledger(alpha.id)).toEqual({ entries: 2, rolledUp: 2 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "earnings.imported", targetId: summary.importId },
    });
    expect(event.payload).toMatchObject({ imported: 2, duplicates: 1, rejected: 7 });
  });

  it("refuses a file missing a required column before writing anything", async () => {
    const before = await db.revenueEntry.count();
    const summary = await run(`cluster,network,date\n${alpha.name},helium,2026-01-01\n`);
    expect(summary).toMatchObject({ status: "failed", imported: 0, problems: [{ line: 1, column: "amount" }] });
    expect(await db.revenueEntry.count()).toBe(before);
  });

  it("counts the same file imported twice, and the same rows in another file, once (content hash without ids)", async () => {
    const cluster = await createTestCluster();
    const rows = [1, 2, 3].map((d) => `${cluster.name},akash,2026-02-0${d},${d}.25`);
    const first = await run(["cluster,network,date,amount", ...rows].join("\n"));
    const again = await run(["cluster,network,date,amount", ...rows].join("\n"));
    const other = await run(
      [
        "amount,date,network,cluster",
        `2.250,2026-02-02,Akash,${cluster.name}`,
        `7,2026-02-04,akash,${cluster.name}`,
      ].join("\n"),
      { fileName: "other.csv" },
    );
    expect([first.imported, again.imported, again.duplicates, other.imported, other.duplicates]).toEqual([
      3, 0, 3, 1, 1,
    ]);
    expect(await ledger(cluster.id)).toEqual({ entries: 4, rolledUp: 4 });
  });

  it("two concurrent identical imports count each entry once", async () => {
    const cluster = await createTestCluster();
    const lines = ["cluster,network,date,amount,external_id"];
    for (let i = 0; i < 900; i++)
      lines.push(`${cluster.name},render,2026-03-${String((i % 28) + 1).padStart(2, "0")},${(i % 17) + 1},r-${i}`);
    const csv = lines.join("\n");
    const results = await Promise.all([
      run(csv, { batchSize: 100 }),
      run(csv, { batchSize: 100 }),
      run(csv, { batchSize: 250 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["done", "done", "done"]);
    expect(results.reduce((n, r) => n + r.imported, 0)).toBe(900);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(1800);
    expect(await ledger(cluster.id)).toEqual({ entries: 900, rolledUp: 900 });
  });

  it("commits in batches with the resume line, and resumes after it", async () => {
    const cluster = await createTestCluster();
    const lines = ["cluster,network,date,amount,external_id"];
    for (let i = 0; i < 25; i++) lines.push(`${cluster.name},iotex,2026-04-01,${i + 1},io-${i}`);
    const progress: number[] = [];
    const first = await importRevenueCsv({
      chunks: chunked(lines.slice(0, 21).join("\n")),
      actor,
      batchSize: 10,
      onProgress: (p) => progress.push(p.lastCommittedLine),
    });
    expect(progress).toEqual([11, 21]);
    expect(first.lastCommittedLine).toBe(21);
    const resumed = await run(lines.join("\n"), { resumeAfterLine: 21 });
    expect(resumed).toMatchObject({ status: "done", rowsRead: 5, imported: 5, duplicates: 0 });
    expect(await ledger(cluster.id)).toEqual({ entries: 25, rolledUp: 25 });
  });

  it("a failure part-way keeps the committed batches and says after which line to resume", async () => {
    const cluster = await createTestCluster();
    async function* failing(): AsyncIterable<string> {
      yield "cluster,network,date,amount,external_id\n";
      for (let i = 0; i < 15; i++) yield `${cluster.name},helium,2026-05-01,${i + 1},f-${i}\n`;
      throw new Error("connection reset by peer");
    }
    const summary = await importRevenueCsv({ chunks: failing(), actor, batchSize: 10 });
    expect(summary).toMatchObject({
      status: "failed",
      imported: 10,
      lastCommittedLine: 11,
      failure: expect.stringContaining("resume after line 11"),
    });
    expect(await ledger(cluster.id)).toEqual({ entries: 10, rolledUp: 10 });
    expect(await db.earningsImport.findUniqueOrThrow({ where: { id: summary.importId } })).toMatchObject({
      status: "failed",
      lastCommittedLine: 11,
    });
  });

  it("stops at a runaway line without buffering it: rows before it are imported, the summary names the line", async () => {
    const cluster = await createTestCluster();
    const csv = [
      "cluster,network,date,amount,external_id",
      `${cluster.name},helium,2026-06-01,1,run-1`,
      `${cluster.name},helium,2026-06-02,2,run-2`,
      // A file saved with semicolons inside one huge quoted field, say: 100 KB on one line.
      `${cluster.name},helium,2026-06-03,3,"${"x".repeat(100_000)}"`,
      `${cluster.name},helium,2026-06-04,4,run-4`,
    ].join("\n");
    const summary = await run(csv);
    expect(summary).toMatchObject({
      status: "failed",
      imported: 2,
      lastCommittedLine: 3,
      problems: [{ line: 4, column: "_", reason: expect.stringContaining("longer than 64 KB") }],
      failure: expect.stringContaining("resume after line 3"),
    });
    expect(await ledger(cluster.id)).toEqual({ entries: 2, rolledUp: 2 });
  });

  it("reports an unterminated quote and an empty file", async () => {
    const open = await run(`cluster,network,date,amount\n${alpha.name},helium,2026-01-05,"1`);
    expect(open.problems).toEqual([expect.objectContaining({ reason: "a quoted field is never closed" })]);
    expect(await run("")).toMatchObject({
      status: "failed",
      problems: [{ line: 1, reason: expect.stringContaining("empty") }],
    });
  });
});
