// Reads a request body up to a limit, chunk by chunk: a body that declares or turns out to be larger
// is refused (413) as soon as the limit is passed, without holding it whole in memory or waiting for
// a slow sender to finish. Oversized bodies are never read further (backpressure pauses the socket).
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${formatBytes(limitBytes)}.`);
    this.name = "BodyTooLargeError";
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`;
}

export async function readCapped(request: Request, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) throw new BodyTooLargeError(limitBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      // Stop reading, but do not cancel: cancelling destroys the socket before the 413 is sent. The
      // answer says Connection: close, so the server drops the connection once it is written.
      reader.releaseLock();
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The plain-words answer for a body over the limit. */
export function tooLarge(err: BodyTooLargeError): Response {
  return new Response(err.message, {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" },
  });
}
