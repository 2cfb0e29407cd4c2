import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { sameOriginPath } from "./callback-url";
import { clientAddress, reportedAddress } from "./client-address";
import { revokeSession } from "./sessions";
import { signInWithPassword } from "./sign-in";

// JWT sessions (the Credentials provider requires them). The token only names a server-side
// session record (lib/auth/sessions.ts); lib/auth/session.ts checks that record and its member on
// each request, so signing out, disabling a member or changing a password takes effect at once.
export function authOptions(): AuthOptions {
  const config = env();
  return {
    secret: config.NEXTAUTH_SECRET,
    // The cookie's own lifetime; the record's absolute expiry is what really ends a session.
    session: { strategy: "jwt", maxAge: config.SESSION_MAX_AGE_HOURS * 3600 },
    // Secure (and __Secure-/__Host- prefixed) cookies whenever the console is served over https.
    useSecureCookies: new URL(config.APP_URL).protocol === "https:",
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const headers = request?.headers as Record<string, string | undefined> | undefined;
          const signedIn = await signInWithPassword(credentials, {
            address: clientAddress(headers, config.TRUST_PROXY_HOPS),
            reportedAddress: reportedAddress(headers, config.TRUST_PROXY_HOPS),
            userAgent: headers?.["user-agent"],
            sessionMaxAgeHours: config.SESSION_MAX_AGE_HOURS,
          });
          return { id: signedIn.id, sessionId: signedIn.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sessionId?: string }).sessionId;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, sessionId: token.sid };
      },
      // Never off-site, whatever callbackUrl a link carried.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${sameOriginPath(url, baseUrl)}`;
      },
    },
    events: {
      async signOut({ token }) {
        const sessionId = typeof token?.sid === "string" ? token.sid : null;
        if (!sessionId || !(await revokeSession(db, sessionId))) return;
        const session = await db.userSession.findUnique({
          where: { id: sessionId },
          select: { user: { select: { id: true, email: true } } },
        });
        if (!session) return;
        await db.$transaction((tx) =>
          recordAudit(tx, {
            action: "auth.sign-out",
            actor: { id: session.user.id, label: session.user.email },
            targetType: "user",
            targetId: session.user.id,
            payload: { sessionId },
          }),
        );
      },
    },
  };
}
