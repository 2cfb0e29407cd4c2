"use client";
import { useRef, type ReactNode } from "react";
import { Button } from "./button";

/** A button that asks before it acts: for anything destructive. */
export function ConfirmButton({
  label,
  title,
  body,
  confirmLabel,
  variant = "danger",
  pending,
  onConfirm,
}: {
  label: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  variant?: "danger" | "secondary";
  pending?: boolean;
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button
        type="button"
        variant={variant === "danger" ? "secondary" : variant}
        pending={pending}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-border bg-surface p-5 text-text backdrop:bg-black/50"
        aria-label={title}
      >
        <h2 className="text-lg font-semibold">{title}</h2>
        <div className="mt-2 text-sm text-muted">{body}</div>
        <div className="mt-5 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button
            type="button"
            variant={variant}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
