import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { clientAddress, signInWithPassword } from "./sign-in";

// JWT sessions (the Credentials provider requires them). The token only names the user and the
// session version; who they are and what they may do is read from the database on each request
// (lib/auth/session.ts), so disabling a member or changing a role takes effect at once.
export function authOptions(): AuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const user = await signInWithPassword(credentials, clientAddress(request?.headers));
          return { id: user.id, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, sessionVersion: token.sv };
      },
    },
  };
}
