// Integration-test support: calling server actions and route handlers as a browser would, signed in
// or not. A member signs in through the real Credentials provider (authorize → jwt callback), the
// session token is encoded with the real secret into the real cookie, and next/headers — which
// only exists inside Next's request scope — is replaced by this module's cookie jar. So
// getSessionUser runs unchanged: the cookie is decoded and the member is read from the database
// (disabled? session still valid?) as on a real request.
//
// next-auth reads next/headers with a CommonJS require that vitest cannot intercept, so a test file
// that uses this module routes next-auth's getServerSession through `sessionFromJar`, which hands
// the real getServerSession this jar as its request (its pages-router form, same logic):
//   vi.mock("next-auth", async (original) => ({
//     ...(await original<typeof import("next-auth")>()),
//     getServerSession: (await import("@/test/request-scope")).sessionFromJar,
//   }));
import type { AuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import { vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { KNOWN_PASSWORD } from "@/test/factories";

const COOKIE = "next-auth.session-token";
const jar = new Map<string, string>();
const requestHeaders = new Headers({ host: "localhost:3000", "x-forwarded-for": "127.0.0.1" });

/** What next/headers gives route handlers and actions in Next, backed by the jar above. */
export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => {
    const all = new Headers(requestHeaders);
    if (jar.size > 0) all.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
    return all;
  },
};

export type SessionCookie = string;

/** getServerSession(options) as Next would run it for a request carrying the jar's cookies. */
export async function sessionFromJar(options: AuthOptions): Promise<unknown> {
  const { getServerSession } = await vi.importActual<typeof import("next-auth")>("next-auth");
  const headers = Object.fromEntries(await (await nextHeaders.headers()).entries());
  const req = { headers, cookies: Object.fromEntries(jar) };
  const res = { getHeader() {}, setCookie() {}, setHeader() {} };
  return getServerSession(req as never, res as never, options);
}

interface CredentialsLike {
  options?: { authorize?: (credentials: Record<string, string>, request: unknown) => Promise<unknown> };
}

/** Signs the member in with the known test password; returns the session cookie's value. */
export async function signIn(email: string, password = KNOWN_PASSWORD): Promise<SessionCookie> {
  const options = authOptions();
  const authorize = (options.providers[0] as CredentialsLike).options?.authorize;
  if (!authorize) throw new Error("the Credentials provider has no authorize()");
  const user = await authorize({ email, password }, { headers: Object.fromEntries(requestHeaders) });
  if (!user) throw new Error(`sign-in refused for ${email}`);
  const token = await options.callbacks!.jwt!({
    token: { email },
    user: user as never,
    account: { provider: "credentials", type: "credentials", providerAccountId: email },
    trigger: "signIn",
  });
  return encode({ token, secret: options.secret!, maxAge: options.session?.maxAge });
}

/** The next calls run with this session cookie; null runs them signed out. */
export function setSessionCookie(cookie: SessionCookie | null): void {
  jar.clear();
  if (cookie) jar.set(COOKIE, cookie);
}
