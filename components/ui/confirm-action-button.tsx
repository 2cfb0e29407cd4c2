"use client";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ConfirmButton } from "./confirm-button";
import { useServerAction, type RunOptions } from "./use-server-action";

/**
 * Asks in a dialog, then runs a server action; the outcome arrives as a toast. A server page can
 * render it directly, passing the action bound to its input and, for a deletion, where to go next.
 */
export function ConfirmActionButton<T>({
  action,
  success,
  redirectTo,
  ...confirm
}: Omit<ComponentProps<typeof ConfirmButton>, "onConfirm" | "pending"> & {
  action: () => Promise<ActionResult<T>>;
  success?: RunOptions<T>["success"];
  redirectTo?: string;
}) {
  const router = useRouter();
  const { pending, run } = useServerAction();
  return (
    <ConfirmButton
      {...confirm}
      pending={pending}
      onConfirm={() =>
        run(action, {
          success,
          refresh: !redirectTo,
          onSuccess: redirectTo ? () => router.push(redirectTo) : undefined,
        })
      }
    />
  );
}
