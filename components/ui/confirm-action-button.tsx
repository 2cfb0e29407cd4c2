"use client";
import type { ComponentProps } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ConfirmButton } from "./confirm-button";
import { useServerAction, type RunOptions } from "./use-server-action";

/** Asks in a dialog, then runs a server action; the outcome arrives as a toast. */
export function ConfirmActionButton<T>({
  action,
  success,
  onSuccess,
  ...confirm
}: Omit<ComponentProps<typeof ConfirmButton>, "onConfirm" | "pending"> & {
  action: () => Promise<ActionResult<T>>;
} & Pick<RunOptions<T>, "success" | "onSuccess">) {
  const { pending, run } = useServerAction();
  return <ConfirmButton {...confirm} pending={pending} onConfirm={() => run(action, { success, onSuccess })} />;
}
