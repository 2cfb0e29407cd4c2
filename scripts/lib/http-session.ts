// Signs in to a running Sovereign over HTTP the way a browser does (next-auth's CSRF token,
// then the credentials callback) and returns the cookies to send with later requests. For
// benchmarks that time pages as a signed-in user without a browser in the way.

/** The `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(response: Response): string[] {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter(Boolean);
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("no CSRF token from /api/auth/csrf");
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = [...jar, ...cookiesOf(response)];
  if (!session.some((c) => c.includes("session-token="))) throw new Error(`sign-in refused (HTTP ${response.status})`);
  return session.join("; ");
}

/** Milliseconds until the whole body of a GET has arrived (a streamed page included). */
export async function timeGet(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  if (body.length === 0) throw new Error(`GET ${url} answered an empty body`);
  return elapsed;
}
