"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { removeMeshLinkAction } from "@/lib/map/actions";

export function RemoveMeshLinkButton({ linkId, label }: { linkId: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <ConfirmButton
        label="Remove"
        title={`Remove the mesh link ${label}?`}
        body="The map stops drawing it. Sites linked to the primary keep their hub link."
        confirmLabel="Remove"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await removeMeshLinkAction({ linkId });
            setMessage(result.ok ? null : result.message);
            router.refresh();
          })
        }
      />
      {message && <p className="text-xs text-danger">{message}</p>}
    </>
  );
}
