"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { changeOwnPasswordAction } from "@/lib/team/actions";

export function ChangePasswordForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  return (
    <form
      className="max-w-md space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const formElement = event.currentTarget;
        const form = new FormData(formElement);
        const newPassword = String(form.get("newPassword") ?? "");
        if (newPassword !== form.get("confirm")) {
          setFieldErrors({ confirm: ["The two passwords differ."] });
          return;
        }
        setFieldErrors({});
        setNotice(null);
        startTransition(async () => {
          const result = await changeOwnPasswordAction({ currentPassword: form.get("currentPassword"), newPassword });
          if (!result.ok) {
            setFieldErrors(result.fieldErrors ?? {});
            setNotice({ tone: "error", text: result.message });
            return;
          }
          // The change ended every session, this one included: sign in again with the new password.
          await signIn("credentials", { redirect: false, email: result.data.email, password: newPassword });
          formElement.reset();
          setNotice({ tone: "ok", text: "Password changed. Your other sessions have been signed out." });
          router.refresh();
        });
      }}
    >
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        maxLength={200}
        errors={fieldErrors.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={200}
        hint="At least 12 characters."
        errors={fieldErrors.newPassword}
      />
      <TextField
        label="New password again"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={fieldErrors.confirm}
      />
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <Button type="submit" pending={pending}>
        Change password
      </Button>
    </form>
  );
}
