"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { inviteMemberAction } from "@/lib/team/actions";

export function InviteForm({ mailConfigured }: { mailConfigured: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ link: string; emailed: boolean; email: string } | null>(null);
  const [copied, setCopied] = useState(false);

  return (
    <div className="space-y-4">
      <form
        className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          setError(null);
          setFieldErrors({});
          setCreated(null);
          setCopied(false);
          startTransition(async () => {
            const result = await inviteMemberAction({ email: form.get("email"), role: form.get("role") });
            if (!result.ok) {
              setFieldErrors(result.fieldErrors ?? {});
              setError(result.message);
              return;
            }
            setCreated({ ...result.data, email: String(form.get("email")) });
            formElement.reset();
            router.refresh();
          });
        }}
      >
        <TextField label="Email" name="email" type="email" required maxLength={254} errors={fieldErrors.email} />
        <SelectField label="Role" name="role" defaultValue="operator" errors={fieldErrors.role}>
          <option value="viewer">viewer</option>
          <option value="operator">operator</option>
          <option value="admin">admin</option>
        </SelectField>
        <Button type="submit" pending={pending} className="sm:mt-6">
          Invite
        </Button>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {created && (
        <div className="space-y-2 rounded-md border border-ok/40 p-3 text-sm" role="status">
          <p>
            Invitation for <strong>{created.email}</strong> created
            {created.emailed
              ? " and emailed."
              : mailConfigured
                ? ", but the email could not be sent: copy the link."
                : ". Copy the link and send it yourself:"}
          </p>
          <p className="text-xs text-muted">The link is shown only now, is valid for 7 days and works once.</p>
          <div className="flex flex-wrap gap-2">
            <input
              readOnly
              value={created.link}
              aria-label="Invitation link"
              data-testid="invitation-link"
              className="min-w-0 flex-1 rounded-md border border-border bg-bg px-2 py-1 font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy link"}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
