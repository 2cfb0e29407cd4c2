// Errors a handler raises; the server turns them into PVE's envelopes and status codes.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** 400 "Parameter verification failed." with per-parameter messages (raise_param_exc). */
export function paramError(errors: Record<string, string>): ApiError {
  return new ApiError(400, "Parameter verification failed.", errors);
}

/** A plain `die` in a PVE handler: HTTP 500 with the text as message. */
export function dieError(message: string): ApiError {
  return new ApiError(500, message);
}
