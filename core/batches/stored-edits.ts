// An edit list as Loupe stored it (run settings, the job's and versions' `edits` column): read back
// through the same validation as the API, with no geometry bound (it was checked when it was sent).
import { hasEdits, parseEdits, type EditList } from "../../workers/retouch/contract";

const UNBOUNDED = { width: Number.MAX_SAFE_INTEGER, height: Number.MAX_SAFE_INTEGER };

/** The stored list, or null when there is none (or it is empty). A damaged list throws: never rendered half. */
export function readStoredEdits(raw: unknown): EditList | null {
  if (raw === undefined || raw === null) return null;
  const value = typeof raw === "string" ? (JSON.parse(raw) as unknown) : raw;
  if (value === null) return null;
  const edits = parseEdits(value, UNBOUNDED);
  return hasEdits(edits) ? edits : null;
}
