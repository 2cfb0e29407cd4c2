"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { revokeInvitationAction } from "@/lib/team/actions";

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <ConfirmButton
        label="Revoke"
        title={`Revoke the invitation for ${email}?`}
        body="The link stops working at once. You can invite them again later."
        confirmLabel="Revoke"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await revokeInvitationAction({ invitationId });
            setMessage(result.ok ? null : result.message);
            router.refresh();
          })
        }
      />
      {message && <p className="text-xs text-danger">{message}</p>}
    </>
  );
}
