// Runs before every request: gives it a fresh CSP nonce and puts the security headers on the
// response (lib/http/security-headers.ts). Next reads the nonce from the request's
// Content-Security-Policy header and stamps it on the scripts it renders, which is why every page
// renders per request (the root layout opts in). Auth is not checked here: pages and actions do it.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce, isServedOverHttps, securityHeaders } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const { APP_URL, NODE_ENV } = env();
  const options = {
    nonce: createNonce(),
    development: NODE_ENV === "development",
    https: isServedOverHttps(APP_URL, request.nextUrl.protocol),
  };
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", contentSecurityPolicy(options));
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(securityHeaders(options))) response.headers.set(name, value);
  return response;
}
