// The editor's calls to Loupe's JSON API (relative fetches: App Bridge, or the demo's stand-in, adds
// the session token). Errors come back as the API's plain words.
import type { EditList } from "../../../workers/retouch/contract";

export interface VersionItem {
  version: number;
  current: boolean;
  edits: EditList | null;
  cutoutUrl: string | null;
  resultUrl: string | null;
  createdAt: string;
}

export interface EditorState {
  version: number;
  state: string;
  edits: EditList | null;
  versions: VersionItem[];
  baseCutoutUrl: string | null;
  /** The collection's approved reference photo and the background this photo is composed on. */
  reference: { url: string | null; background: string | null } | null;
  /** Whether the photo's batch was started from a collection (the colour pass can go to it). */
  inCollection: boolean;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { ...(init.body ? { "Content-Type": "application/json" } : {}), ...(init.headers ?? {}) },
  });
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new Error(body?.error?.message ?? `Loupe answered ${res.status}.`);
  return body as T;
}

export const loadEditor = (imageId: string) => call<EditorState>(`/api/images/${encodeURIComponent(imageId)}/edits`);
export const saveEdits = (imageId: string, edits: Partial<EditList>) =>
  call<unknown>(`/api/images/${encodeURIComponent(imageId)}/edits`, { method: "POST", body: JSON.stringify(edits) });
export const clearEdits = (imageId: string) =>
  call<unknown>(`/api/images/${encodeURIComponent(imageId)}/edits`, { method: "DELETE" });
export const applyColorToBatch = (batchId: string, fromImageId: string, scope: "batch" | "collection" = "batch") =>
  call<{ applied: string[]; skipped: Array<{ id: string; reason: string }> }>(
    `/api/batches/${encodeURIComponent(batchId)}/apply-color`,
    { method: "POST", body: JSON.stringify({ fromImageId, scope }) },
  );
