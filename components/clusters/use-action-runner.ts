"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Runs an action, keeps its message (the error, or `describe(data)`: a success text, or
 * `{ error }` for an action that ran but reports a failure), and refreshes the page.
 */
export function useActionRunner() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  function run<T>(
    action: () => Promise<ActionResult<T>>,
    describe?: (data: T) => string | { error: string } | null,
    after?: (data: T) => void,
  ) {
    setMessage(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ tone: "error", text: result.message });
      } else {
        const text = describe?.(result.data) ?? null;
        if (typeof text === "string") setMessage({ tone: "ok", text });
        else if (text) setMessage({ tone: "error", text: text.error });
        after?.(result.data);
      }
      router.refresh();
    });
  }

  return { pending, message, fieldErrors, run };
}
