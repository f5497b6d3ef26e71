// Permanent input errors: the file itself is the problem, retrying will not help. The message is
// written for a merchant and says what to do. Codes are stable; the UI and the queue key on them.

export type RetouchInputErrorCode =
  "EMPTY" | "TRUNCATED" | "CORRUPT" | "NOT_AN_IMAGE" | "TOO_MANY_PIXELS" | "TOO_SMALL" | "NO_PIECE" | "BAD_SETTINGS";

export class RetouchInputError extends Error {
  readonly code: RetouchInputErrorCode | string;
  readonly permanent = true;

  constructor(code: RetouchInputErrorCode | string, message: string) {
    super(message);
    this.name = "RetouchInputError";
    this.code = code;
  }
}

/** Plain-data form that crosses worker_threads (class identity does not survive structured clone). */
export interface SerializedError {
  kind: "input" | "internal";
  code?: string;
  message: string;
  stack?: string;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof RetouchInputError) return { kind: "input", code: e.code, message: e.message };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: "internal", message: err.message, stack: err.stack };
}

export function deserializeError(s: SerializedError): Error {
  if (s.kind === "input") return new RetouchInputError(s.code ?? "CORRUPT", s.message);
  const e = new Error(s.message);
  if (s.stack) e.stack = s.stack;
  return e;
}
