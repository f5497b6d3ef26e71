// Classifies what went wrong: transient (network, throttling, 5xx, a crashed thread: try again
// later) or permanent (the photo itself, 4xx: trying again will not help), with a message a merchant
// can read.
export interface Failure {
  transient: boolean;
  message: string;
  code: string;
}

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function classify(err: unknown): Failure {
  const e = (err ?? {}) as {
    name?: string;
    message?: string;
    code?: unknown;
    transient?: unknown;
    permanent?: unknown;
    status?: unknown;
    cause?: unknown;
  };
  const message = typeof e.message === "string" && e.message ? e.message : String(err);
  const code = typeof e.code === "string" ? e.code : "";
  if (e.name === "RetouchInputError" || e.permanent === true)
    return { transient: false, message, code: code || "INPUT" };
  if (typeof e.transient === "boolean")
    return { transient: e.transient, message, code: code || (e.transient ? "TRANSIENT" : "FAILED") };
  if (typeof e.status === "number") {
    const transient = e.status === 429 || e.status >= 500;
    return {
      transient,
      message: transient
        ? `The service was busy (HTTP ${e.status}); Loupe will try again.`
        : `The request was refused (HTTP ${e.status}): ${message}`,
      code: `HTTP_${e.status}`,
    };
  }
  const causeCode = (e.cause as { code?: unknown } | undefined)?.code;
  if (
    NETWORK_CODES.has(code) ||
    (typeof causeCode === "string" && NETWORK_CODES.has(causeCode)) ||
    e.name === "AbortError" ||
    message === "fetch failed"
  ) {
    return { transient: true, message: "A network connection failed; Loupe will try again.", code: code || "NETWORK" };
  }
  return {
    transient: true,
    message: `Something went wrong on Loupe's side (${message}); Loupe will try again.`,
    code: "INTERNAL",
  };
}

export const MAX_ATTEMPTS = Number(process.env.LOUPE_MAX_ATTEMPTS || 5);

/** Exponential backoff with full jitter: up to base·2^(attempt−1), capped, at least a quarter of it. */
export function backoffMs(
  attempt: number,
  baseMs = Number(process.env.LOUPE_RETRY_BASE_MS || 2_000),
  capMs = 5 * 60_000,
  rand = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.25 + 0.75 * rand()));
}
