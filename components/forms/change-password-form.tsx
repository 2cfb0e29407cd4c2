"use client";
import { signIn } from "next-auth/react";
import { TextField } from "@/components/ui/field";
import { changeOwnPasswordAction } from "@/lib/team/actions";
import { ActionForm } from "./action-form";
import { NewPasswordFields, passwordsDiffer } from "./passwords";

export function ChangePasswordForm() {
  return (
    <ActionForm
      className="max-w-md space-y-4"
      check={(form) => passwordsDiffer(form, "newPassword")}
      action={(form) =>
        changeOwnPasswordAction({
          currentPassword: form.get("currentPassword"),
          newPassword: String(form.get("newPassword") ?? ""),
        })
      }
      submitLabel="Change password"
      onSuccess={async (data, element) => {
        // The change ended every session, this one included: sign in again with the new password.
        const password = String(new FormData(element).get("newPassword") ?? "");
        await signIn("credentials", { redirect: false, email: data.email, password });
        element.reset();
      }}
      success="Password changed. Your other sessions have been signed out."
    >
      {(fieldErrors) => (
        <>
          <TextField
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
            errors={fieldErrors.currentPassword}
          />
          <NewPasswordFields name="newPassword" label="New password" fieldErrors={fieldErrors} />
        </>
      )}
    </ActionForm>
  );
}
