// The solver thread started by off-thread.ts. HiGHS runs synchronously, so it gets a thread of
// its own and the server's event loop keeps answering requests. One solve at a time: the pool
// sends the next request only once this one has answered.
import { parentPort } from "node:worker_threads";
import { solvePlacement } from "./solve";
import type { SolveReply, SolveRequest } from "./solve-protocol";

const port = parentPort;
if (!port) throw new Error("solve-worker.ts runs only as a worker thread (see off-thread.ts)");

port.on("message", (request: SolveRequest) => {
  void solvePlacement(request.input).then(
    (plan) => port.postMessage({ id: request.id, ok: true, plan } satisfies SolveReply),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({
        id: request.id,
        ok: false,
        error: { name: e.name, message: e.message, stack: e.stack },
      } satisfies SolveReply);
    },
  );
});
port.postMessage({ ready: true });
