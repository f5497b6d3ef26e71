// Bounded retries per product (media still processing, or a failed lookup).
// Kept in memory: a restart forgets the counts, so a product gets at most one more round per restart.
// (A PendingProduct.attempts column would make it exact; see the report to the lead.)

export class RetryCounter {
  private readonly attempts = new Map<string, number>();

  constructor(private readonly delaysMs: readonly number[]) {}

  private key(shop: string, productId: string) {
    return `${shop}\n${productId}`;
  }

  /** The delay before the next look, or null when the retries are used up (and the count is cleared). */
  next(shop: string, productId: string): number | null {
    const k = this.key(shop, productId);
    const n = this.attempts.get(k) ?? 0;
    if (n >= this.delaysMs.length) {
      this.attempts.delete(k);
      return null;
    }
    this.attempts.set(k, n + 1);
    return this.delaysMs[n]!;
  }

  clear(shop: string, productId: string): void {
    this.attempts.delete(this.key(shop, productId));
  }

  count(shop: string, productId: string): number {
    return this.attempts.get(this.key(shop, productId)) ?? 0;
  }
}
