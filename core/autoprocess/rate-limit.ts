// Per-shop rate limit on products looked at (each look is an Admin API call and may become jobs):
// a token bucket per shop, refilled continuously, in the tick's own clock. In memory, per process:
// N worker processes allow N times the rate (the Admin client's throttle handling still applies).

export class ShopRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
  ) {}

  private refill(shop: string, now: Date) {
    const t = now.getTime();
    const b = this.buckets.get(shop) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + (Math.max(0, t - b.at) * this.perMinute) / 60_000);
    b.at = Math.max(b.at, t);
    this.buckets.set(shop, b);
    return b;
  }

  /** Whole products the shop may have looked at now. */
  available(shop: string, now: Date): number {
    return Math.floor(this.refill(shop, now).tokens);
  }

  take(shop: string, n: number, now: Date): void {
    this.refill(shop, now).tokens -= n;
  }
}
