"use client";
import type { FormHTMLAttributes, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useServerAction, type RunOptions } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/actions/result";

export type FieldErrors = Record<string, string[]>;

/**
 * A form that submits to a server action: its fields (given the field errors), the action's
 * message inline under them, and a submit button that shows the pending state. `check` may refuse
 * the submission in the browser first (two passwords that differ) by returning field errors.
 */
export function ActionForm<T>({
  action,
  check,
  submitLabel,
  submitClassName,
  messageClassName,
  success,
  onSuccess,
  children,
  ...form
}: Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "onSubmit" | "children"> & {
  action: (form: FormData, element: HTMLFormElement) => Promise<ActionResult<T>>;
  check?: (form: FormData) => FieldErrors | null;
  submitLabel: string;
  submitClassName?: string;
  messageClassName?: string;
  success?: RunOptions<T>["success"];
  onSuccess?: (data: T, element: HTMLFormElement) => void | Promise<void>;
  children: (fieldErrors: FieldErrors) => ReactNode;
}) {
  // The outcome is shown here, beside the form, so no toast repeats it.
  const { pending, message, fieldErrors, setFieldErrors, run } = useServerAction({ toast: false });
  return (
    <form
      {...form}
      onSubmit={(event) => {
        event.preventDefault();
        const element = event.currentTarget;
        const data = new FormData(element);
        const refused = check?.(data);
        if (refused) return setFieldErrors(refused);
        run(() => action(data, element), { success, onSuccess: (result) => onSuccess?.(result, element) });
      }}
    >
      {children(fieldErrors)}
      <Button type="submit" pending={pending} className={submitClassName}>
        {submitLabel}
      </Button>
      {message && (
        <div className={messageClassName}>
          <Notice tone={message.tone}>{message.text}</Notice>
        </div>
      )}
    </form>
  );
}
