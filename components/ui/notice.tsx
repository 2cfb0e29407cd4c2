import type { ReactNode } from "react";

/** An inline message for the result of an action. Not role="alert": Next's route announcer has it. */
export function Notice({ tone, children }: { tone: "ok" | "error" | "info"; children: ReactNode }) {
  const style =
    tone === "ok"
      ? "border-ok/40 text-ok"
      : tone === "error"
        ? "border-danger/40 text-danger"
        : "border-border text-muted";
  return (
    <p role="status" aria-live="polite" className={`rounded-md border px-3 py-2 text-sm ${style}`}>
      {children}
    </p>
  );
}
