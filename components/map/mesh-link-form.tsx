"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { addMeshLinkAction } from "@/lib/map/actions";

export function MeshLinkForm({ sites }: { sites: Array<{ id: string; siteName: string }> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  if (sites.length < 2) return null;

  return (
    <form
      className="grid gap-3 sm:grid-cols-[1fr_1fr_9rem_auto] sm:items-start"
      aria-label="Add a mesh link"
      onSubmit={(event) => {
        event.preventDefault();
        const formElement = event.currentTarget;
        const form = new FormData(formElement);
        setFieldErrors({});
        setMessage(null);
        startTransition(async () => {
          const result = await addMeshLinkAction({
            fromClusterId: form.get("fromClusterId"),
            toClusterId: form.get("toClusterId"),
            measuredLatencyMs: form.get("measuredLatencyMs"),
          });
          if (!result.ok) {
            setFieldErrors(result.fieldErrors ?? {});
            setMessage({ tone: "error", text: result.message });
            return;
          }
          setMessage({ tone: "ok", text: "Link added." });
          formElement.reset();
          router.refresh();
        });
      }}
    >
      <SelectField label="From" name="fromClusterId" errors={fieldErrors.fromClusterId} defaultValue={sites[0]?.id}>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.siteName}
          </option>
        ))}
      </SelectField>
      <SelectField label="To" name="toClusterId" errors={fieldErrors.toClusterId} defaultValue={sites[1]?.id}>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.siteName}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Measured RTT (ms)"
        name="measuredLatencyMs"
        inputMode="decimal"
        placeholder="optional"
        errors={fieldErrors.measuredLatencyMs}
      />
      <Button type="submit" pending={pending} className="sm:mt-6">
        Add link
      </Button>
      {message && (
        <div className="sm:col-span-4">
          <Notice tone={message.tone}>{message.text}</Notice>
        </div>
      )}
    </form>
  );
}
