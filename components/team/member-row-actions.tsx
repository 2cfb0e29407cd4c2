"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { inlineControlClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";
import { changeRoleAction, setMemberDisabledAction } from "@/lib/team/actions";

export function MemberRowActions({
  member,
  isSelf,
}: {
  member: { id: string; name: string; role: string; disabled: boolean };
  isSelf: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  function run(action: () => Promise<ActionResult<unknown>>) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setMessage(result.message);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <select
        aria-label={`Role of ${member.name}`}
        className={`${inlineControlClass} w-32`}
        value={member.role}
        disabled={pending}
        onChange={(event) => run(() => changeRoleAction({ userId: member.id, role: event.target.value }))}
      >
        <option value="viewer">viewer</option>
        <option value="operator">operator</option>
        <option value="admin">admin</option>
      </select>
      {member.disabled ? (
        <ConfirmButton
          label="Enable"
          variant="secondary"
          title={`Enable ${member.name}?`}
          body="They can sign in again with their password."
          confirmLabel="Enable"
          pending={pending}
          onConfirm={() => run(() => setMemberDisabledAction({ userId: member.id, disabled: false }))}
        />
      ) : (
        !isSelf && (
          <ConfirmButton
            label="Disable"
            title={`Disable ${member.name}?`}
            body="Their session ends on their next request and they cannot sign in until an admin enables them."
            confirmLabel="Disable"
            pending={pending}
            onConfirm={() => run(() => setMemberDisabledAction({ userId: member.id, disabled: true }))}
          />
        )
      )}
      {message && (
        <p role="status" aria-live="polite" className="w-full text-xs text-danger">
          {message}
        </p>
      )}
    </div>
  );
}
