"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { inviteMemberAction } from "@/lib/team/actions";

export function InviteForm({ mailConfigured }: { mailConfigured: boolean }) {
  // The link shows inline (it is needed right there), and so does a refusal.
  const { pending, message, fieldErrors, run } = useServerAction({ toast: false });
  const error = message?.text ?? null;
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
          setCreated(null);
          setCopied(false);
          run(() => inviteMemberAction({ email: form.get("email"), role: form.get("role") }), {
            onSuccess: (invitation) => {
              setCreated({ ...invitation, email: String(form.get("email")) });
              formElement.reset();
            },
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
