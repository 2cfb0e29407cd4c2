// How a past CSV import reads in the import history, pure: its counts, whether it finished, and
// for one that stopped part-way the line to resume after (every line up to it is committed; the
// batch after it was rolled back whole).
import type { RowProblem } from "./fields";

export interface ImportRecord {
  id: string;
  status: "running" | "done" | "failed";
  fileName: string | null;
  actorLabel: string;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  lastCommittedLine: number;
  startedAt: Date;
  finishedAt: Date | null;
  problems: RowProblem[];
}

export interface ImportOutcome {
  tone: "ok" | "warn" | "danger";
  label: string;
  detail: string;
  /** Set when importing the same file again should skip the lines already committed. */
  resumeAfterLine: number | null;
}

export function describeImport(record: ImportRecord): ImportOutcome {
  const counts = `${record.imported} imported, ${record.duplicates} duplicates skipped, ${record.rejected} rejected`;
  const committed = record.lastCommittedLine;
  if (record.status === "done")
    return { tone: record.rejected > 0 ? "warn" : "ok", label: "done", detail: `${counts}.`, resumeAfterLine: null };
  if (record.status === "running") {
    return {
      tone: "warn",
      label: "running or interrupted",
      detail: committed > 0 ? `${counts} so far; lines up to ${committed} are committed.` : "Nothing committed yet.",
      resumeAfterLine: committed > 0 ? committed : null,
    };
  }
  // A file whose columns do not match stops before its first row: there is nothing to resume.
  if (record.rowsRead === 0 && record.problems.some((p) => p.line === 1)) {
    return {
      tone: "danger",
      label: "failed",
      detail: "Nothing imported: the file's columns did not match.",
      resumeAfterLine: null,
    };
  }
  return {
    tone: "danger",
    label: "failed",
    detail:
      committed > 0
        ? `${counts}, then stopped: lines up to ${committed} are committed, the batch after line ${committed} was not written.`
        : `Stopped before its first batch was written: ${counts}.`,
    resumeAfterLine: committed > 0 ? committed : null,
  };
}
