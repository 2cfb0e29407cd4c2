"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { useToast, type ToastTone } from "./toast";

const UNREACHABLE = "Could not reach the server. Check your connection and try again.";

export type ActionMessage = { tone: ToastTone; text: string };

export interface RunOptions<T> {
  /**
   * The success text, from the data. Return `{ error }` for an action that ran but reports a
   * failure (a sync that was skipped), or null to say nothing.
   */
  success?: string | ((data: T) => string | { error: string } | null);
  /** Runs after a success, before its message and the refresh (a sign-in, a redirect, a reset). */
  onSuccess?: (data: T) => void | Promise<void>;
  /** Runs after a failure (a dialog that closes unless the fields were at fault). */
  onFailure?: (message: string, fieldErrors?: Record<string, string[]>) => void;
  /** False where the page shows `message` inline, so the outcome is not said twice. */
  toast?: boolean;
  /** Re-render the page's server components afterwards (default true). */
  refresh?: boolean;
}

/** The form's non-empty values, the shape every form action parses. */
export function formInput(form: HTMLFormElement): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v !== ""));
}

/**
 * The one way the browser calls a server action: pending while it runs, the field errors and the
 * message of its result, a toast with the outcome, and a refresh of the server-rendered page.
 */
export function useServerAction(defaults: Pick<RunOptions<unknown>, "toast" | "refresh"> = {}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  const reset = useCallback(() => {
    setMessage(null);
    setFieldErrors({});
  }, []);

  const run = useCallback(
    <T>(call: () => Promise<ActionResult<T>>, options: RunOptions<T> = {}) => {
      const { toast: toasts = defaults.toast ?? true, refresh = defaults.refresh ?? true } = options;
      const say = (said: ActionMessage | null) => {
        setMessage(said);
        if (said && toasts) toast(said.tone, said.text);
      };
      reset();
      startTransition(async () => {
        let result: ActionResult<T>;
        try {
          result = await call();
        } catch {
          // The request never got an answer (offline, the server restarting): say so, keep the form.
          result = { ok: false, code: "internal", message: UNREACHABLE };
        }
        if (!result.ok) {
          setFieldErrors(result.fieldErrors ?? {});
          say({ tone: "error", text: result.message });
          options.onFailure?.(result.message, result.fieldErrors);
        } else {
          await options.onSuccess?.(result.data);
          const text = typeof options.success === "function" ? options.success(result.data) : options.success;
          if (typeof text === "string") say({ tone: "ok", text });
          else if (text) say({ tone: "error", text: text.error });
        }
        if (refresh) router.refresh();
      });
    },
    [defaults.toast, defaults.refresh, reset, router, toast],
  );

  return { pending, message, fieldErrors, setFieldErrors, setMessage, reset, run };
}
