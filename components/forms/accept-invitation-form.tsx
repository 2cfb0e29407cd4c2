"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { acceptInvitationAction } from "@/lib/team/actions";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const password = String(form.get("password") ?? "");
        if (password !== form.get("confirm")) {
          setFieldErrors({ confirm: ["The two passwords differ."] });
          return;
        }
        setError(null);
        setFieldErrors({});
        startTransition(async () => {
          const result = await acceptInvitationAction({ token, name: form.get("name"), password });
          if (!result.ok) {
            setFieldErrors(result.fieldErrors ?? {});
            setError(result.message);
            return;
          }
          const signedIn = await signIn("credentials", { redirect: false, email: result.data.email, password });
          router.replace(signedIn?.ok ? "/" : "/login");
          router.refresh();
        });
      }}
    >
      <TextField label="Email" name="email" value={email} readOnly disabled />
      <TextField label="Your name" name="name" autoComplete="name" required maxLength={100} errors={fieldErrors.name} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={200}
        hint="At least 12 characters."
        errors={fieldErrors.password}
      />
      <TextField
        label="Password again"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={fieldErrors.confirm}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" className="w-full" pending={pending}>
        Join the team
      </Button>
    </form>
  );
}
