import { describe, expect, it } from "vitest";
import { describeImport, type ImportRecord } from "./import-history";

const base: ImportRecord = {
  id: "i",
  status: "done",
  fileName: "rewards.csv",
  actorLabel: "op@example.org",
  rowsRead: 4,
  imported: 2,
  duplicates: 1,
  rejected: 1,
  lastCommittedLine: 5,
  startedAt: new Date("2026-11-01T10:00:00Z"),
  finishedAt: new Date("2026-11-01T10:00:01Z"),
  problems: [{ line: 4, column: "amount", reason: "is negative" }],
};

describe("import history", () => {
  it("summarises a finished import without a resume point", () => {
    expect(describeImport(base)).toEqual({
      tone: "warn",
      label: "done",
      detail: "2 imported, 1 duplicates skipped, 1 rejected.",
      resumeAfterLine: null,
    });
  });

  it("says where a failed import stopped and which line to resume after", () => {
    const failed = describeImport({
      ...base,
      status: "failed",
      rowsRead: 2500,
      imported: 2000,
      duplicates: 0,
      rejected: 0,
      lastCommittedLine: 2001,
      problems: [],
    });
    expect(failed).toMatchObject({ tone: "danger", label: "failed", resumeAfterLine: 2001 });
    expect(failed.detail).toContain("lines up to 2001 are committed");
    expect(
      describeImport({ ...base, status: "failed", imported: 0, lastCommittedLine: 0, rowsRead: 10, problems: [] }),
    ).toMatchObject({ resumeAfterLine: null, detail: expect.stringContaining("before its first batch") });
  });

  it("offers nothing to resume for a file whose columns did not match", () => {
    expect(
      describeImport({
        ...base,
        status: "failed",
        rowsRead: 0,
        imported: 0,
        duplicates: 0,
        rejected: 0,
        lastCommittedLine: 0,
        problems: [{ line: 1, column: "amount", reason: "missing column" }],
      }),
    ).toMatchObject({
      resumeAfterLine: null,
      detail: expect.stringContaining("columns did not match"),
    });
  });

  it("treats an unfinished import as possibly interrupted, resumable after its last committed line", () => {
    expect(describeImport({ ...base, status: "running", finishedAt: null, lastCommittedLine: 4001 })).toMatchObject({
      label: "running or interrupted",
      resumeAfterLine: 4001,
    });
    expect(
      describeImport({ ...base, status: "running", finishedAt: null, lastCommittedLine: 0, imported: 0 }),
    ).toMatchObject({ resumeAfterLine: null });
  });
});
