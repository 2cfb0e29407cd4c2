"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

/** Submits a form to a server action: field errors under inputs, a message, a refresh on success. */
export function useFormAction<T>(
  action: (input: Record<string, FormDataEntryValue>) => Promise<ActionResult<T>>,
  onOk: (data: T, form: HTMLFormElement) => string,
) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v !== ""));
    setFieldErrors({});
    setMessage(null);
    startTransition(async () => {
      const result = await action(input);
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ tone: "error", text: result.message });
        return;
      }
      setMessage({ tone: "ok", text: onOk(result.data, form) });
      router.refresh();
    });
  }
  return { pending, fieldErrors, message, onSubmit };
}
