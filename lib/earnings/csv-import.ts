// A CSV import, streamed: chunks of text in, batches of validated entries committed as they fill.
// Only one batch and the first rejections are ever in memory. Each batch is one transaction that
// also records the import's counters and the last line it covers, so a failure part-way leaves no
// half batch and says after which line to resume.
import { recordAudit, type AuditInput } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { csvRecords, CsvSyntaxError, type CsvRecord } from "./csv-records";
import { columnReader, guessMapping, type ColumnMapping, type RowReader } from "./csv-columns";
import { insertBatch, loadValidationContext } from "./ingest";
import { validateEntry, type NormalizedEntry, type RowProblem, type ValidationContext } from "./validate";

export const DEFAULT_BATCH_SIZE = 2_000;
// Enough to fix a file by; the counts stay exact beyond it.
export const MAX_REPORTED_PROBLEMS = 1_000;

export interface ImportSummary {
  importId: string;
  status: "done" | "failed";
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  problems: RowProblem[];
  lastCommittedLine: number;
  /** Set when the import stopped: what happened and where to resume. */
  failure?: string;
}

export interface CsvImportOptions {
  chunks: AsyncIterable<string>;
  mapping?: ColumnMapping;
  fileName?: string | null;
  actor: AuditInput["actor"];
  /** Rows for other clusters are rejected (a member limited to assigned clusters); absent: all. */
  recordable?: ReadonlySet<string>;
  batchSize?: number;
  /** Lines up to and including this one are skipped (resuming a failed import). */
  resumeAfterLine?: number;
  onProgress?: (progress: Omit<ImportSummary, "problems" | "status" | "importId">) => void;
}

class ImportRun {
  rowsRead = 0;
  imported = 0;
  duplicates = 0;
  rejected = 0;
  lastCommittedLine = 0;
  problems: RowProblem[] = [];
  batch: NormalizedEntry[] = [];
  batchRejected = 0;
  batchLastLine = 0;

  constructor(
    readonly importId: string,
    readonly ctx: ValidationContext,
    readonly options: CsvImportOptions,
  ) {
    this.lastCommittedLine = options.resumeAfterLine ?? 0;
  }

  reject(problems: RowProblem[]) {
    this.batchRejected++;
    for (const p of problems) if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push(p);
  }

  row(record: CsvRecord, reader: RowReader) {
    this.rowsRead++;
    this.batchLastLine = record.line;
    const read = reader.read(record.line, record.fields);
    if ("problems" in read) return this.reject(read.problems);
    const checked = validateEntry(read.raw, record.line, this.ctx);
    if ("problems" in checked) return this.reject(checked.problems);
    this.batch.push(checked.entry);
  }

  async flush() {
    if (this.batch.length === 0 && this.batchRejected === 0) return;
    const entries = this.batch;
    const rejected = this.batchRejected;
    const line = this.batchLastLine;
    const result = await db.$transaction(
      async (tx) => {
        const r = await insertBatch(tx, entries, this.importId);
        await tx.earningsImport.update({
          where: { id: this.importId },
          data: {
            rowsRead: { increment: entries.length + rejected },
            imported: { increment: r.imported },
            duplicates: { increment: r.duplicates },
            rejected: { increment: rejected },
            lastCommittedLine: line,
          },
        });
        return r;
      },
      { timeout: 60_000 },
    );
    this.imported += result.imported;
    this.duplicates += result.duplicates;
    this.rejected += rejected;
    this.lastCommittedLine = line;
    this.batch = [];
    this.batchRejected = 0;
    this.options.onProgress?.({
      rowsRead: this.rowsRead,
      imported: this.imported,
      duplicates: this.duplicates,
      rejected: this.rejected,
      lastCommittedLine: this.lastCommittedLine,
    });
  }

  summary(status: "done" | "failed", failure?: string): ImportSummary {
    return {
      importId: this.importId,
      status,
      rowsRead: this.rowsRead,
      imported: this.imported,
      duplicates: this.duplicates,
      rejected: this.rejected,
      problems: this.problems,
      lastCommittedLine: this.lastCommittedLine,
      failure,
    };
  }
}

export async function importRevenueCsv(options: CsvImportOptions): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const record = await db.earningsImport.create({
    data: {
      kind: "csv",
      fileName: options.fileName ?? null,
      actorLabel: options.actor.label,
      lastCommittedLine: options.resumeAfterLine ?? 0,
    },
  });
  const run = new ImportRun(
    record.id,
    { ...(await loadValidationContext(db, "csv")), recordable: options.recordable },
    options,
  );
  let reader: RowReader | null = null;
  let fileProblems: RowProblem[] | null = null;
  let unreadable: CsvSyntaxError | null = null;

  try {
    try {
      for await (const r of csvRecords(options.chunks)) {
        if (!reader) {
          const checked = columnReader(r.fields, options.mapping ?? guessMapping(r.fields));
          if ("problems" in checked) {
            fileProblems = checked.problems;
            break;
          }
          reader = checked;
          continue;
        }
        if (r.line <= (options.resumeAfterLine ?? 0)) continue;
        run.row(r, reader);
        if (run.batch.length + run.batchRejected >= batchSize) await run.flush();
      }
    } catch (error) {
      // A line the parser cannot read past (an unclosed quote, a runaway record): reject it
      // rather than import a guess; the rows before it stand.
      if (!(error instanceof CsvSyntaxError)) throw error;
      unreadable = error;
      const problem = { line: error.line, column: "_", reason: error.reason };
      if (reader) run.reject([problem]);
      else fileProblems = [problem];
    }
    if (!reader && !fileProblems)
      fileProblems = [{ line: 1, column: "_", reason: "the file is empty: it needs a header line" }];
    if (fileProblems) {
      run.problems = fileProblems;
      return await finish(run, "failed", "The file's columns do not match: nothing was imported.");
    }
    await run.flush();
    if (unreadable && !unreadable.atEnd)
      return await finish(
        run,
        "failed",
        `Stopped at line ${unreadable.line}: ${unreadable.reason}. Rows before it are imported; fix the line and import again with "resume after line ${run.lastCommittedLine}".`,
      );
    return await finish(run, "done");
  } catch (error) {
    console.error(`[earnings import ${run.importId}] batch failed`, error instanceof Error ? error.message : error);
    return finish(
      run,
      "failed",
      `Stopped after line ${run.lastCommittedLine}: the batch after it was not written. Import again with "resume after line ${run.lastCommittedLine}"; already imported rows would be skipped anyway.`,
    );
  }
}

async function finish(run: ImportRun, status: "done" | "failed", failure?: string): Promise<ImportSummary> {
  const summary = run.summary(status, failure);
  await db.$transaction(async (tx) => {
    await tx.earningsImport.update({
      where: { id: run.importId },
      data: { status, finishedAt: new Date(), errors: summary.problems.slice(0, 100).map((p) => ({ ...p })) },
    });
    // One audit event per import, not per row: the ledger itself is the detail.
    await recordAudit(tx, {
      action: status === "done" ? "earnings.imported" : "earnings.import-failed",
      actor: run.options.actor,
      targetType: "earnings-import",
      targetId: run.importId,
      payload: {
        kind: "csv",
        fileName: run.options.fileName ?? null,
        rowsRead: summary.rowsRead,
        imported: summary.imported,
        duplicates: summary.duplicates,
        rejected: summary.rejected,
        lastCommittedLine: summary.lastCommittedLine,
      },
    });
  });
  return summary;
}
