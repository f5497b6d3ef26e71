// Starting a batch from an extension: POST /api/batches (a relative fetch from an admin extension
// goes to the app's URL with the session token attached) and what its answer means to the merchant.
import { batchAppLink } from "./app-link";
import { msg, type Msg } from "./messages";

export const BATCHES_PATH = "/api/batches";

export type BatchTarget = { collectionId: string } | { productIds: string[] };

export interface StartRequest {
  url: string;
  init: { method: "POST"; headers: Record<string, string>; body: string };
}

export function startBatchRequest(target: BatchTarget): StartRequest {
  const body =
    "collectionId" in target ? { collectionId: target.collectionId } : { productIds: [...new Set(target.productIds)] };
  return {
    url: BATCHES_PATH,
    init: { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
  };
}

export interface StartedBatch {
  id: string;
  status: string;
  total: number;
}

export type StartOutcome =
  | { kind: "started"; batch: StartedBatch; message: Msg; link: string }
  | { kind: "error"; message: Msg; canRetry: boolean };

function serverReason(body: unknown): string | null {
  if (!body || typeof body !== "object") return null;
  const e = (body as Record<string, unknown>).error ?? (body as Record<string, unknown>).message;
  if (typeof e === "string" && e.trim()) return e.trim();
  if (e && typeof e === "object" && typeof (e as Record<string, unknown>).message === "string")
    return ((e as Record<string, unknown>).message as string).trim();
  return null;
}

function batchOf(body: unknown): StartedBatch | null {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>).batch : null;
  if (!b || typeof b !== "object") return null;
  const r = b as Record<string, unknown>;
  if (typeof r.id !== "string" || !r.id) return null;
  return {
    id: r.id,
    status: typeof r.status === "string" ? r.status : "pulling",
    total: typeof r.total === "number" ? r.total : 0,
  };
}

/** Turns the API's answer (status + parsed JSON body, or null) into what the extension shows. */
export function readStartResponse(status: number, body: unknown): StartOutcome {
  if (status === 200 || status === 201) {
    const batch = batchOf(body);
    if (!batch) return { kind: "error", message: msg("errUnexpected", { status }), canRetry: true };
    const message =
      batch.status === "pulling" || batch.total === 0
        ? msg("startedCollecting")
        : msg("started", { count: batch.total });
    return { kind: "started", batch, message, link: batchAppLink(batch.id) };
  }
  const reason = serverReason(body);
  if (status === 401) return { kind: "error", message: msg("errSession"), canRetry: false };
  if (status === 403) return { kind: "error", message: msg("errForbidden"), canRetry: false };
  if (status === 429) return { kind: "error", message: msg("errTooMany"), canRetry: true };
  if (status >= 500) return { kind: "error", message: msg("errServer", { status }), canRetry: true };
  if (status === 400 || status === 404 || status === 409 || status === 422) {
    return { kind: "error", message: reason ? msg("errRejected", { reason }) : msg("errNothing"), canRetry: false };
  }
  return { kind: "error", message: msg("errUnexpected", { status }), canRetry: true };
}

type FetchLike = (url: string, init: StartRequest["init"]) => Promise<{ status: number; text(): Promise<string> }>;

/** Sends the request and reads the answer; a network failure is an outcome too, never a throw. */
export async function startBatch(fetchFn: FetchLike, target: BatchTarget): Promise<StartOutcome> {
  const req = startBatchRequest(target);
  let res: { status: number; text(): Promise<string> };
  try {
    res = await fetchFn(req.url, req.init);
  } catch {
    return { kind: "error", message: msg("errNetwork"), canRetry: true };
  }
  let body: unknown = null;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return readStartResponse(res.status, body);
}
