// Where to send a member after signing in: only a path on this origin. The check resolves the
// value as a browser would (a backslash is a slash, "//host" and "/\host" are other hosts) and
// compares origins, rather than guessing from the first characters.

/** A same-origin path ("/team?x=1#y") for `value`, or "/" when it would leave `origin`. */
export function sameOriginPath(value: string | null | undefined, origin: string): string {
  if (!value || !URL.canParse(origin)) return "/";
  const base = new URL(origin);
  if (!URL.canParse(value, base)) return "/";
  const target = new URL(value, base);
  if (target.origin !== base.origin) return "/";
  return `${target.pathname}${target.search}${target.hash}`;
}
