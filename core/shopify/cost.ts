// Shopify's cost-based leaky bucket, as reported in every response's extensions.cost.
// Pure math, no I/O: how long to wait before a query of a given cost fits in the bucket.

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number | null;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus | null;
}

/** Reads extensions.cost defensively (a missing or odd shape gives nulls). */
export function readCost(extensions: unknown): QueryCost | null {
  const cost = (extensions as { cost?: Record<string, unknown> } | null | undefined)?.cost;
  if (!cost || typeof cost !== "object") return null;
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const ts = cost.throttleStatus as Record<string, unknown> | undefined;
  const throttleStatus =
    ts && num(ts.maximumAvailable) !== null && num(ts.currentlyAvailable) !== null && num(ts.restoreRate) !== null
      ? {
          maximumAvailable: num(ts.maximumAvailable)!,
          currentlyAvailable: num(ts.currentlyAvailable)!,
          restoreRate: num(ts.restoreRate)!,
        }
      : null;
  return {
    requestedQueryCost: num(cost.requestedQueryCost),
    actualQueryCost: num(cost.actualQueryCost),
    throttleStatus,
  };
}

/**
 * Milliseconds to wait until `requested` points are available: (requested − currentlyAvailable) / restoreRate
 * seconds, never negative. A request larger than the whole bucket waits for a full bucket.
 */
export function costWaitMs(requested: number, status: ThrottleStatus): number {
  if (status.restoreRate <= 0) return 0;
  const need = Math.min(requested, status.maximumAvailable) - status.currentlyAvailable;
  return need <= 0 ? 0 : Math.ceil((need / status.restoreRate) * 1000);
}

/** Exponential backoff with full jitter on top of a base: attempt 0 → ~base, 1 → ~2·base, … capped. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 30_000, random: () => number = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** A small random addition so many workers do not all retry at the same instant. */
export function jitterMs(maxMs = 250, random: () => number = Math.random): number {
  return Math.round(random() * maxMs);
}

/**
 * The client's picture of one shop's bucket. Requests RESERVE their predicted cost before they are
 * sent, so concurrent requests queue up behind each other instead of all waking at the same moment;
 * what Shopify reports only ever lowers the estimate (our reservations for requests still in flight
 * are not in Shopify's number yet), and time refills it at restoreRate.
 */
export class BucketEstimate {
  private status: ThrottleStatus | null = null;
  private seenAt = 0;

  /** Takes Shopify's reported status into account. */
  observe(reported: ThrottleStatus, now = Date.now()): void {
    const cur = this.current(now);
    const available = cur ? Math.min(cur.currentlyAvailable, reported.currentlyAvailable) : reported.currentlyAvailable;
    this.status = { ...reported, currentlyAvailable: available };
    this.seenAt = now;
  }

  /** The estimated status right now, or null before the first response. */
  current(now = Date.now()): ThrottleStatus | null {
    if (!this.status) return null;
    const refill = ((now - this.seenAt) / 1000) * this.status.restoreRate;
    return {
      ...this.status,
      currentlyAvailable: Math.min(this.status.maximumAvailable, this.status.currentlyAvailable + refill),
    };
  }

  /**
   * Reserves `points` and returns how long to wait (ms) until they are covered: 0 when the bucket
   * has them; otherwise (points − available)/restoreRate. Unknown bucket (no response yet): 0.
   */
  reserve(points: number, now = Date.now()): number {
    const cur = this.current(now);
    if (!cur) return 0;
    const need = Math.min(points, cur.maximumAvailable);
    const wait = costWaitMs(need, cur);
    this.status = { ...cur, currentlyAvailable: cur.currentlyAvailable - need };
    this.seenAt = now;
    return wait;
  }
}
