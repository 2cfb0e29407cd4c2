// Creates the first admin (or a later one) from the command line, where there is no one yet to
// send an invitation: `npm run admin:create -- --email you@example.org [--name "…"] [--prompt]`.
import { parseArgs } from "node:util";
import { z } from "zod";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { promptSecret } from "./lib/prompt-secret";
import { runCommand, withDatabase } from "./lib/command";

const argsSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "--email must be an email address" }))
    .pipe(z.string().max(254)),
  name: z.string().trim().min(1).max(100).optional(),
  prompt: z.boolean(),
});

const MIN_PASSWORD = 12;
const MAX_PASSWORD = 200;
const USAGE = 'usage: npm run admin:create -- --email you@example.org [--name "Your Name"] [--prompt]';

async function choosePassword(prompt: boolean): Promise<{ password: string; generated: boolean }> {
  if (!prompt) return { password: generatePassword(), generated: true };
  const password = await promptSecret(`Password (${MIN_PASSWORD}+ characters): `);
  if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
    throw new Error(`The password must be ${MIN_PASSWORD} to ${MAX_PASSWORD} characters long.`);
  }
  if ((await promptSecret("Repeat it: ")) !== password) throw new Error("The passwords do not match.");
  return { password, generated: false };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, prompt: { type: "boolean", default: false } },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join("\n"));
    console.error(USAGE);
    return 2;
  }
  const { email, prompt } = parsed.data;
  const name = parsed.data.name ?? email.split("@")[0] ?? email;

  return withDatabase(async ({ db }) => {
    try {
      // Checked before asking for a password, so nobody types one for nothing.
      if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
        console.error(`A member with the email ${email} already exists; nothing was changed.`);
        return 1;
      }
      const { password, generated } = await choosePassword(prompt);
      const passwordHash = await hashPassword(password);
      const created = await db.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email, name, role: "admin", passwordHash }, select: { id: true } });
        await recordAudit(tx, {
          action: "team.admin-created",
          actor: { id: null, label: "cli" },
          targetType: "user",
          targetId: user.id,
          payload: { email, name, role: "admin", passwordSource: generated ? "generated" : "prompted" },
        });
        return user;
      });
      console.log(`Created admin ${email} (${created.id}).`);
      // Printed once and never stored in the clear: the only copy is on this screen.
      if (generated) console.log(`One-time password: ${password}\nSign in and change it under Settings.`);
      return 0;
    } catch (error) {
      // Another process may have created the same email between the check and the insert.
      if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
        console.error(`A member with the email ${email} already exists; nothing was changed.`);
        return 1;
      }
      throw error;
    }
  });
}

runCommand(main);
