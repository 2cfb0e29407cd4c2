"use client";
// CSV upload: preview of the first rows, column mapping (guessed from the header, adjustable),
// then a streamed upload with a progress bar, and the summary with each rejected row's line,
// column and reason. Only the first 64 KB are read in the browser, for the preview.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { guessMapping, type ColumnMapping } from "@/lib/earnings/csv-columns";
import { previewCsv } from "@/lib/earnings/csv-preview";
import { ENTRY_FIELDS, REQUIRED_FIELDS, type EntryField, type RowProblem } from "@/lib/earnings/fields";
import { Count } from "./money";
import { uploadCsv, type UploadEvent } from "./upload-client";

const PREVIEW_BYTES = 64 * 1024;
const CONTROL = "min-h-10 w-full rounded-md border border-border bg-surface px-2 text-sm";

interface Preview {
  header: string[];
  rows: string[][];
}

function problemsOf(summary: Record<string, unknown>): RowProblem[] {
  const list = summary.problems;
  return Array.isArray(list)
    ? list.filter((p): p is RowProblem => typeof p === "object" && p !== null && "line" in p && "reason" in p)
    : [];
}

function num(summary: Record<string, unknown>, key: string): number {
  const value = summary[key];
  return typeof value === "number" ? value : 0;
}

export function CsvUpload({ initialResumeAfterLine }: { initialResumeAfterLine?: number }) {
  const router = useRouter();
  const [kind, setKind] = useState<"revenue" | "prices">("revenue");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ fraction: number; rows: number } | null>(null);
  const [result, setResult] = useState<UploadEvent | null>(null);
  // Lines up to this one are skipped: set from a stopped import (here or in the history).
  const [resumeAfter, setResumeAfter] = useState(initialResumeAfterLine ? String(initialResumeAfterLine) : "");
  const input = useRef<HTMLInputElement>(null);

  async function choose(next: File | null) {
    setFile(next);
    setResult(null);
    setProgress(null);
    if (!next) return setPreview(null);
    const found = previewCsv(await next.slice(0, PREVIEW_BYTES).text(), 5);
    setPreview(found);
    setMapping(found ? guessMapping(found.header) : {});
  }

  // A file picked before hydration fired no change event React saw (a slow phone): read it now.
  useEffect(() => {
    const picked = input.current?.files?.[0];
    if (picked) queueMicrotask(() => void choose(picked));
    // Once, on mount: later picks come through onChange.
  }, []);

  async function start(resumeAfterLine = Number(resumeAfter) || undefined) {
    if (!file) return;
    setResumeAfter(resumeAfterLine ? String(resumeAfterLine) : "");
    setBusy(true);
    setResult(null);
    setProgress({ fraction: 0, rows: 0 });
    const query: Record<string, string> = { kind, fileName: file.name };
    if (kind === "revenue") query.mapping = JSON.stringify(mapping);
    if (resumeAfterLine) query.resumeAfterLine = String(resumeAfterLine);
    const event = await uploadCsv(file, query, (p) =>
      setProgress((old) => ({ fraction: p.sentFraction, rows: p.rowsRead ?? old?.rows ?? 0 })),
    );
    setProgress((old) => (event.type === "done" ? { fraction: 1, rows: old?.rows ?? 0 } : old));
    setResult(event);
    // A finished file starts from its top next time; a stopped one from where it stopped.
    if (event.type === "done" && kind === "revenue") {
      const line = num(event.summary, "lastCommittedLine");
      setResumeAfter(event.summary.status === "done" || line === 0 ? "" : String(line));
    }
    setBusy(false);
    router.refresh();
  }

  const missing = kind === "revenue" ? REQUIRED_FIELDS.filter((f) => !mapping[f]) : [];
  const summary = result?.type === "done" ? result.summary : null;
  const problems = summary ? problemsOf(summary) : [];
  const failure = summary && typeof summary.failure === "string" ? summary.failure : null;
  const resumeLine = summary ? num(summary, "lastCommittedLine") : 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">What the file holds</span>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value === "prices" ? "prices" : "revenue")}
            className={CONTROL}
          >
            <option value="revenue">Revenue entries</option>
            <option value="prices">Daily prices (symbol, date, usd)</option>
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">CSV file</span>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void choose(e.target.files?.[0] ?? null)}
            className="block text-sm"
            data-testid="csv-file"
          />
        </label>
      </div>

      {preview && (
        <div className="space-y-3">
          <div className="overflow-x-auto">
            <table className="min-w-full text-xs" aria-label="Preview of the first rows">
              <thead>
                <tr>
                  {preview.header.map((h, i) => (
                    <th key={`${h}-${i}`} className="border-b border-border px-2 py-1 text-left font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c} className="border-b border-border px-2 py-1">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {kind === "revenue" && (
            <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <legend className="mb-2 text-sm font-medium">Columns</legend>
              {ENTRY_FIELDS.map((field: EntryField) => (
                <label key={field} className="space-y-1 text-sm">
                  <span className="block">
                    {field.replace("_", " ")}
                    {REQUIRED_FIELDS.includes(field) ? " *" : ""}
                  </span>
                  <select
                    value={mapping[field] ?? ""}
                    onChange={(e) => setMapping({ ...mapping, [field]: e.target.value || undefined })}
                    className={CONTROL}
                    aria-label={`Column for ${field}`}
                  >
                    <option value="">{REQUIRED_FIELDS.includes(field) ? "Choose a column" : "Not in this file"}</option>
                    {preview.header.map((h, i) => (
                      <option key={`${h}-${i}`} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          {kind === "revenue" && (
            <label className="block max-w-xs space-y-1 text-sm">
              <span className="block font-medium">Resume after line</span>
              <input
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                value={resumeAfter}
                onChange={(e) => setResumeAfter(e.target.value)}
                placeholder="from the start"
                className={CONTROL}
              />
              <span className="block text-xs text-muted">
                For a file whose import stopped part-way: its lines up to this one are skipped.
              </span>
            </label>
          )}
          {missing.length > 0 && <Notice tone="info">{`Map the required columns: ${missing.join(", ")}.`}</Notice>}
          <Button type="button" onClick={() => void start()} pending={busy} disabled={missing.length > 0}>
            Import {file?.name}
          </Button>
        </div>
      )}

      {progress && (
        <div className="space-y-1">
          <progress max={1} value={progress.fraction} className="h-2 w-full" aria-label="Upload progress" />
          <p className="text-xs text-muted">
            {Math.round(progress.fraction * 100)} % sent · <Count value={progress.rows} /> rows committed
          </p>
        </div>
      )}

      {result?.type === "error" && <Notice tone="error">{result.message}</Notice>}
      {summary && (
        <div className="space-y-2" data-testid="import-summary">
          <Notice tone={summary.status === "done" ? "ok" : "error"}>
            {result?.type === "done" && result.kind === "prices"
              ? `${num(summary, "prices")} prices saved (${num(summary, "overwritten")} replaced an earlier price, which is kept), ${num(summary, "repriced")} entries priced, ${num(summary, "rejected")} rows rejected.`
              : `${num(summary, "imported")} imported, ${num(summary, "duplicates")} duplicates skipped, ${num(summary, "rejected")} rejected.`}
            {failure ? ` ${failure}` : ""}
          </Notice>
          {failure && resumeLine > 0 && (
            <Button type="button" variant="secondary" onClick={() => void start(resumeLine)}>
              Resume after line {resumeLine}
            </Button>
          )}
          {problems.length > 0 && (
            <div className="max-h-72 overflow-auto">
              <table className="min-w-full text-xs" aria-label="Rejected rows">
                <thead>
                  <tr>
                    <th className="px-2 py-1 text-left">Line</th>
                    <th className="px-2 py-1 text-left">Column</th>
                    <th className="px-2 py-1 text-left">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={i} className="border-t border-border">
                      <td className="px-2 py-1 tabular-nums">{p.line}</td>
                      <td className="px-2 py-1">{p.column === "_" ? "row" : p.column}</td>
                      <td className="px-2 py-1">{p.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
