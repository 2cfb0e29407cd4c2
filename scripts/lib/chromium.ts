// Debian's Chromium (apt-get install chromium): Playwright's own browser download cannot reach its
// host from these machines. The flags keep it from phoning home or needing a sandbox as root.
// Shared by the e2e runner (playwright.config.ts) and the map benchmark.
export const CHROMIUM_LAUNCH = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};
