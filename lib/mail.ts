// Outgoing mail, only when SMTP_URL is configured. Callers treat a send as best effort.
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export async function sendMail(to: string, subject: string, text: string): Promise<boolean> {
  const url = env().SMTP_URL;
  if (!url) return false;
  try {
    await nodemailer.createTransport(url).sendMail({ from: env().SMTP_FROM, to, subject, text });
    return true;
  } catch (error) {
    // The transport's message can include the SMTP URL's credentials; log only the error's kind.
    console.error("[mail] sending failed:", error instanceof Error ? error.name : "unknown error");
    return false;
  }
}
