"use client";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

function safeCallback(value: string | null): string {
  // Only same-site paths: never bounce a signed-in member to another origin.
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setError(null);
        startTransition(async () => {
          const result = await signIn("credentials", {
            redirect: false,
            email: String(form.get("email") ?? ""),
            password: String(form.get("password") ?? ""),
          });
          if (!result || result.error) {
            setError(
              result?.error && result.error !== "CredentialsSignin" ? result.error : "Email or password is incorrect.",
            );
            return;
          }
          router.replace(safeCallback(params.get("callbackUrl")));
          router.refresh();
        });
      }}
    >
      <TextField label="Email" name="email" type="email" autoComplete="username" required maxLength={254} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={200}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" className="w-full" pending={pending}>
        Sign in
      </Button>
    </form>
  );
}
