import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .email("Enter a valid email address.")
  .max(254, "That email is too long.");
export const roleSchema = z.enum(ROLES, { message: "Choose admin, operator or viewer." });
export const nameSchema = z.string().trim().min(1, "Enter your name.").max(100, "Keep the name under 100 characters.");
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(200, "Keep the password under 200 characters.");

export const inviteInputSchema = z.object({ email: emailSchema, role: roleSchema });
export const memberIdSchema = z.string().uuid("Unknown member.");
export const changeRoleInputSchema = z.object({ userId: memberIdSchema, role: roleSchema });
export const setDisabledInputSchema = z.object({ userId: memberIdSchema, disabled: z.boolean() });
export const revokeInvitationInputSchema = z.object({ invitationId: z.string().uuid("Unknown invitation.") });
export const acceptInvitationInputSchema = z.object({
  token: z.string().max(200),
  name: nameSchema,
  password: newPasswordSchema,
});
export const changePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    newPassword: newPasswordSchema,
  })
  .refine((value) => value.currentPassword !== value.newPassword, {
    message: "Choose a password different from the current one.",
    path: ["newPassword"],
  });
