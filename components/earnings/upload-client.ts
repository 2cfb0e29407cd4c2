// Sends a file to the streaming upload route with XMLHttpRequest: unlike fetch, it reports upload
// progress, and it sends the File from disk without reading it into memory. The response is NDJSON
// (progress lines, then the summary), read as it arrives.
export interface UploadProgress {
  sentFraction: number;
  rowsRead?: number;
  imported?: number;
  lastCommittedLine?: number;
}

export type UploadEvent =
  | {
      type: "progress";
      rowsRead: number;
      imported: number;
      duplicates: number;
      rejected: number;
      lastCommittedLine: number;
    }
  | { type: "done"; kind: "revenue" | "prices"; summary: Record<string, unknown> }
  | { type: "error"; message: string };

function isUploadEvent(value: unknown): value is UploadEvent {
  return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string";
}

export function uploadCsv(
  file: File,
  query: Record<string, string>,
  onProgress: (p: UploadProgress) => void,
): Promise<UploadEvent> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let last: UploadEvent | null = null;
    let sent = 0;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n");
      if (end < seen) return;
      for (const line of text.slice(seen, end).split("\n")) {
        if (!line.trim()) continue;
        const parsed: unknown = JSON.parse(line);
        if (!isUploadEvent(parsed)) continue;
        last = parsed;
        if (parsed.type === "progress")
          onProgress({
            sentFraction: sent,
            rowsRead: parsed.rowsRead,
            imported: parsed.imported,
            lastCommittedLine: parsed.lastCommittedLine,
          });
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        sent = e.loaded / e.total;
        onProgress({ sentFraction: sent });
      }
    };
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let message = `The upload was refused (${xhr.status}).`;
        try {
          const body: unknown = JSON.parse(xhr.responseText);
          if (typeof body === "object" && body !== null && "message" in body && typeof body.message === "string")
            message = body.message;
        } catch {
          // Not JSON: keep the status message.
        }
        resolve({ type: "error", message });
        return;
      }
      readLines();
      resolve(last ?? { type: "error", message: "The server ended the upload without a summary." });
    };
    xhr.onerror = () =>
      resolve({
        type: "error",
        message: "The connection dropped. Rows already committed stay; upload again to resume.",
      });
    xhr.open("POST", `/api/earnings/upload?${new URLSearchParams(query).toString()}`);
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.send(file);
  });
}
