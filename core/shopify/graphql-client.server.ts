// A throttle-aware Admin GraphQL client for workers (offline tokens), on graphql-request.
// - reads extensions.cost after every response and keeps a per-shop estimate of the bucket;
// - waits (requested − currentlyAvailable)/restoreRate (+ jitter) before a request that would not fit;
// - retries THROTTLED (HTTP 200 with errors[].extensions.code), 429, 5xx and network errors with
//   backoff + jitter, at most `maxTries` attempts in all;
// - one p-queue per shop; mutations additionally go one (or two) at a time.
import { ClientError, GraphQLClient } from "graphql-request";
import PQueue from "p-queue";
import { API_VERSION_STRING } from "./api-version";
import { BucketEstimate, backoffMs, jitterMs, readCost } from "./cost";
import { ShopifyError } from "./errors";

export interface AdminClient {
  readonly shop: string;
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface AdminClientOptions {
  shop: string;
  /** The current access token (called before every attempt, so a refreshed token is picked up). */
  accessToken: () => Promise<string>;
  /** Called once when Shopify answers 401: refresh or reload the token, then the request is tried again. */
  onUnauthorized?: () => Promise<void>;
  apiVersion?: string;
  maxTries?: number;
  /** Base of the exponential backoff for 429/5xx/network errors. */
  backoffBaseMs?: number;
  mutationConcurrency?: 1 | 2;
  /** One attempt is abandoned (and retried as a network error) after this long. */
  requestTimeoutMs?: number;
  queryConcurrency?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface ShopLane {
  all: PQueue;
  mutations: PQueue;
  bucket: BucketEstimate;
}

const lanes = new Map<string, ShopLane>();
/** Last requestedQueryCost seen per operation text, to predict the next one. */
const knownCost = new Map<string, number>();
const DEFAULT_COST = 10;

function laneFor(shop: string, opts: AdminClientOptions): ShopLane {
  let lane = lanes.get(shop);
  if (!lane) {
    lane = {
      all: new PQueue({ concurrency: opts.queryConcurrency ?? 4 }),
      mutations: new PQueue({ concurrency: opts.mutationConcurrency ?? 1 }),
      bucket: new BucketEstimate(),
    };
    lanes.set(shop, lane);
  }
  return lane;
}

/** Forgets per-shop state (tests; or after uninstall). */
export function resetAdminLanes(shop?: string): void {
  if (shop) lanes.delete(shop);
  else lanes.clear();
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function isMutation(query: string): boolean {
  return /^\s*(#[^\n]*\n\s*)*mutation\b/.test(query.replace(/^\s*#graphql\s*/, ""));
}

type Attempt<T> = { ok: true; data: T } | { ok: false; retryAfterMs: number; error: ShopifyError };

export function createAdminClient(opts: AdminClientOptions): AdminClient {
  const version = opts.apiVersion ?? API_VERSION_STRING;
  const endpoint = `https://${opts.shop}/admin/api/${version}/graphql.json`;
  const maxTries = opts.maxTries ?? 5;
  const sleep = opts.sleep ?? defaultSleep;
  const base = opts.backoffBaseMs ?? 500;
  const requestTimeoutMs = opts.requestTimeoutMs ?? 30_000;
  const gql = new GraphQLClient(endpoint, {
    errorPolicy: "all",
    // Resolve fetch at call time, so the demo/test routing (fetch-routing.server.ts) applies.
    fetch: (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init),
  });
  const lane = laneFor(opts.shop, opts);

  async function attempt<T>(
    query: string,
    variables: Record<string, unknown> | undefined,
    tryNo: number,
  ): Promise<Attempt<T>> {
    const predicted = knownCost.get(query) ?? DEFAULT_COST;
    const wait = lane.bucket.reserve(predicted);
    if (wait > 0) await sleep(wait + jitterMs(100));
    const token = await opts.accessToken();
    let res;
    try {
      res = await gql.rawRequest<T>({
        query,
        variables: variables ?? {},
        requestHeaders: { "X-Shopify-Access-Token": token, "Content-Type": "application/json" },
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (err) {
      return classifyThrown(err, tryNo);
    }
    const cost = readCost(res.extensions);
    if (cost?.throttleStatus) lane.bucket.observe(cost.throttleStatus);
    if (cost?.requestedQueryCost != null) knownCost.set(query, cost.requestedQueryCost);
    const errors = res.errors ?? [];
    if (errors.some((e) => (e.extensions as { code?: string } | undefined)?.code === "THROTTLED")) {
      // The bucket estimate now holds Shopify's number: the next attempt's reservation waits
      // (requested − currentlyAvailable)/restoreRate. Without a status, back off.
      return {
        ok: false,
        retryAfterMs: cost?.throttleStatus ? jitterMs(250) : backoffMs(tryNo, base),
        error: new ShopifyError("Shopify is busy right now; Loupe will try again shortly.", {
          transient: true,
          code: "THROTTLED",
        }),
      };
    }
    if (errors.length > 0) {
      const detail = errors.map((e) => e.message).join("; ");
      throw new ShopifyError("Shopify refused a request from Loupe. Please contact support if this keeps happening.", {
        transient: false,
        code: "GRAPHQL_ERROR",
        detail,
      });
    }
    return { ok: true, data: res.data };
  }

  function classifyThrown(err: unknown, tryNo: number): Attempt<never> {
    if (err instanceof ShopifyError) throw err;
    if (err instanceof ClientError) {
      const status = err.response.status;
      if (status === 429) {
        const ra = Number(err.response.headers?.get?.("Retry-After"));
        // Shopify sends Retry-After in seconds.
        const wait = Number.isFinite(ra) && ra > 0 ? ra * 1000 : backoffMs(tryNo, base);
        return {
          ok: false,
          retryAfterMs: wait + jitterMs(250),
          error: new ShopifyError("Shopify is busy right now; Loupe will try again shortly.", {
            transient: true,
            code: "HTTP_429",
          }),
        };
      }
      if (status >= 500) {
        return {
          ok: false,
          retryAfterMs: backoffMs(tryNo, base),
          error: new ShopifyError("Shopify is having trouble right now; Loupe will try again shortly.", {
            transient: true,
            code: `HTTP_${status}`,
          }),
        };
      }
      if (status === 401) {
        return {
          ok: false,
          retryAfterMs: -1,
          error: new ShopifyError(
            "Loupe's access to your store has expired or was removed. Open Loupe from your Shopify admin to reconnect it.",
            { transient: false, code: "UNAUTHORIZED" },
          ),
        };
      }
      if (status === 402 || status === 423) {
        throw new ShopifyError(
          "Your store is not available right now (it may be frozen or locked), so Loupe cannot change it.",
          { transient: false, code: `HTTP_${status}` },
        );
      }
      if (status === 403) {
        throw new ShopifyError(
          "Loupe does not have permission for this. Open Loupe from your Shopify admin to update its permissions.",
          { transient: false, code: "FORBIDDEN" },
        );
      }
      if (status === 404) {
        throw new ShopifyError("Shopify could not find this store. Has the app been uninstalled?", {
          transient: false,
          code: "NOT_FOUND",
        });
      }
      throw new ShopifyError("Shopify refused a request from Loupe.", {
        transient: false,
        code: `HTTP_${status}`,
        detail: err.message.slice(0, 500),
      });
    }
    // Network failure (fetch rejects with TypeError), timeouts, resets.
    return {
      ok: false,
      retryAfterMs: backoffMs(tryNo, base),
      error: new ShopifyError("Loupe could not reach Shopify; it will try again shortly.", {
        transient: true,
        code: "NETWORK",
        detail: String(err),
        cause: err,
      }),
    };
  }

  async function run<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    let last: ShopifyError | null = null;
    let refreshed = false;
    for (let tryNo = 0; tryNo < maxTries; tryNo++) {
      const r = await attempt<T>(query, variables, tryNo);
      if (r.ok) return r.data;
      last = r.error;
      if (r.error.code === "UNAUTHORIZED") {
        if (refreshed || !opts.onUnauthorized) throw r.error;
        refreshed = true;
        await opts.onUnauthorized();
        continue;
      }
      if (tryNo + 1 < maxTries) await sleep(r.retryAfterMs);
    }
    throw last ?? new ShopifyError("Shopify did not answer.", { transient: true });
  }

  return {
    shop: opts.shop,
    request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const task = () => lane.all.add(() => run<T>(query, variables), { throwOnTimeout: true }) as Promise<T>;
      return isMutation(query) ? (lane.mutations.add(task, { throwOnTimeout: true }) as Promise<T>) : task();
    },
  };
}
