"use client";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

export type ToastTone = "ok" | "error";

interface ToastItem {
  id: number;
  tone: ToastTone;
  text: string;
}

type Show = (tone: ToastTone, text: string) => void;

const ToastContext = createContext<Show | null>(null);

// Long enough to read a sentence; errors stay until dismissed, since they ask for action.
const OK_TIMEOUT_MS = 5_000;

/** Mounted once per layout: holds the queue and renders it in a polite live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(0);
  const dismiss = useCallback((id: number) => setItems((all) => all.filter((item) => item.id !== id)), []);
  const show = useCallback<Show>(
    (tone, text) => {
      const id = ++nextId.current;
      setItems((all) => [...all.slice(-2), { id, tone, text }]);
      if (tone === "ok") window.setTimeout(() => dismiss(id), OK_TIMEOUT_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
      >
        {items.map((item) => (
          <div
            key={item.id}
            role="status"
            aria-live="polite"
            data-testid="toast"
            data-tone={item.tone}
            className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border bg-surface px-4 py-3 text-sm shadow-lg ${
              item.tone === "ok" ? "border-ok/40 text-ok" : "border-danger/40 text-danger"
            }`}
          >
            <p className="flex-1">{item.text}</p>
            <button
              type="button"
              aria-label="Dismiss notification"
              className="text-muted hover:text-text"
              onClick={() => dismiss(item.id)}
            >
              ×
            </button>
          </div>
        ))}
      </section>
    </ToastContext.Provider>
  );
}

/** Shows a toast; outside a provider (a component rendered alone) it does nothing. */
export function useToast(): Show {
  return useContext(ToastContext) ?? noop;
}

function noop(): void {}
