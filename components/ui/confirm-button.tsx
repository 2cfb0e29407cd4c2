"use client";
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

/** A button that asks in a dialog before it acts: every destructive action goes through one. */
export function ConfirmButton({
  label,
  title,
  body,
  confirmLabel,
  variant = "danger",
  pending,
  disabled,
  ariaLabel,
  onConfirm,
}: {
  label: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  variant?: "danger" | "secondary";
  pending?: boolean;
  disabled?: boolean;
  ariaLabel?: string;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="button"
        variant={variant === "danger" ? "secondary" : variant}
        pending={pending}
        disabled={disabled}
        aria-label={ariaLabel}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <div className="mt-2 text-sm text-muted">{body}</div>
        <div className="mt-5 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            type="button"
            variant={variant}
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
