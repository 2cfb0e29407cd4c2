// Seeding writes known accounts with known passwords; doing that to a shared or production
// database by accident would be a security incident, so seeds check the host first.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** True when the URL points at this machine (TCP loopback or a Unix socket directory). */
export function isLocalDatabaseUrl(url: string): boolean {
  const parsed = new URL(url);
  // libpq-style `?host=/var/run/postgresql` means a Unix socket, which is always local.
  const socketHost = parsed.searchParams.get("host");
  if (socketHost?.startsWith("/")) return true;
  const host = parsed.hostname.toLowerCase();
  return host === "" || LOCAL_HOSTS.has(host) || host.endsWith(".localhost");
}
