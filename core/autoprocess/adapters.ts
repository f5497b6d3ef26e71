// Reading the other services' answers without depending on their exact shapes.

/** The job count of a createBatch answer: its `total` once known (or of `{ batch }`), else the media asked for
 *  (createBatch answers while the batch is still `pulling`, with total 0). */
export function jobsOf(result: unknown, asked: number): { batchId: string; jobs: number } {
  const r = (result && typeof result === "object" ? result : {}) as Record<string, unknown>;
  const b = (r.batch && typeof r.batch === "object" ? r.batch : r) as Record<string, unknown>;
  return {
    batchId: typeof b.id === "string" ? b.id : "",
    jobs: typeof b.total === "number" && b.total > 0 ? b.total : asked,
  };
}

/** A lookup error Shopify says will not go away by retrying (e.g. the product was deleted). */
export function isPermanent(err: unknown): boolean {
  return !!err && typeof err === "object" && (err as { transient?: unknown }).transient === false;
}
