"use client";
// Admins create keys for the ingest API (the key is shown once, here) and revoke them.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/field";
import { FormattedDate } from "@/components/ui/formatted-date";
import { Notice } from "@/components/ui/notice";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/earnings/actions";
import { FieldError } from "@/components/ui/field-error";
import { formInput, useServerAction } from "@/components/ui/use-server-action";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export function ApiKeysPanel({ keys, origin }: { keys: ApiKeyRow[]; origin: string }) {
  const [shown, setShown] = useState<string | null>(null);
  // Both outcomes are shown inline: the new key must stay beside its warning.
  const create = useServerAction({ toast: false });
  const revoke = useServerAction({ toast: false });
  const onCreate = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = formInput(form);
    const scopes = [input.scopeRevenue ? "revenue:write" : null, input.scopePrices ? "prices:write" : null];
    create.run(() => createApiKeyAction({ name: input.name, scopes: scopes.filter(Boolean) }), {
      onSuccess: (data) => {
        setShown(data.key);
        form.reset();
      },
      success: "Key created. Copy it now: it is not shown again.",
    });
  };
  const onRevoke = (keyId: string) =>
    revoke.run(() => revokeApiKeyAction({ keyId }), { success: "Key revoked: requests with it now get 401." });
  return (
    <div className="space-y-6">
      <form onSubmit={onCreate} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start" aria-label="New API key">
        <TextField
          label="Name (the script that uses it)"
          name="name"
          required
          maxLength={80}
          errors={create.fieldErrors.name}
        />
        <Button type="submit" pending={create.pending} className="sm:mt-6">
          Create key
        </Button>
        <fieldset className="flex flex-wrap gap-4 text-sm sm:col-span-2">
          <legend className="sr-only">Scopes</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="scopeRevenue" defaultChecked /> Send revenue (revenue:write)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="scopePrices" /> Send prices (prices:write)
          </label>
          <div className="w-full">
            <FieldError id="scopes-error" errors={create.fieldErrors.scopes} />
          </div>
        </fieldset>
      </form>
      {create.message && <Notice tone={create.message.tone}>{create.message.text}</Notice>}
      {shown && (
        <div className="space-y-2 rounded-md border border-ok/40 p-3 text-sm">
          <code className="block break-all rounded bg-bg p-2 text-xs" data-testid="new-api-key">
            {shown}
          </code>
          <pre className="overflow-x-auto rounded bg-bg p-2 text-xs">{`curl -X POST ${origin}/api/v1/revenue \\\n  -H "Authorization: Bearer <key>" -H "Content-Type: application/json" \\\n  -d '{"entries":[{"cluster":"…","network":"helium","date":"2026-01-31","amount":"12.5","external_id":"payout-1"}]}'`}</pre>
        </div>
      )}
      {revoke.message && <Notice tone={revoke.message.tone}>{revoke.message.text}</Notice>}
      <ul className="divide-y divide-border" aria-label="API keys">
        {keys.map((k) => (
          <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
            <div className="space-y-1">
              <p className="font-medium">
                {k.name} <code className="text-xs text-muted">{k.prefix}…</code>{" "}
                {k.revokedAt ? <Badge tone="danger">revoked</Badge> : <Badge tone="ok">active</Badge>}
              </p>
              <p className="text-xs text-muted">
                {k.scopes.join(", ")} · created <FormattedDate value={k.createdAt} /> · last used{" "}
                {k.lastUsedAt ? <FormattedDate value={k.lastUsedAt} /> : "never"}
              </p>
            </div>
            {!k.revokedAt && (
              <ConfirmButton
                label="Revoke"
                title={`Revoke the key "${k.name}"?`}
                body="Scripts that send with it get 401 from then on. A revoked key cannot be restored; create a new one."
                confirmLabel="Revoke key"
                pending={revoke.pending}
                onConfirm={() => onRevoke(k.id)}
              />
            )}
          </li>
        ))}
        {keys.length === 0 && <li className="py-3 text-sm text-muted">No keys yet.</li>}
      </ul>
    </div>
  );
}
