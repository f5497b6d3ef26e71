// Reading what the app's pages post: the body is capped (413 past FORM_MAX_BYTES) and JSON fields
// are parsed into plain-words 400s (InvalidRequestError), never a 500 or the parser's own message.
import { InvalidRequestError } from "../../core/batches/errors";
import { readCapped } from "./read-capped.server";

export const FORM_MAX_BYTES = 256 * 1024;

export async function readForm(request: Request, limitBytes = FORM_MAX_BYTES): Promise<FormData> {
  const body = await readCapped(request, limitBytes);
  const copy = new Request(request.url, {
    method: "POST",
    headers: { "Content-Type": request.headers.get("content-type") ?? "application/x-www-form-urlencoded" },
    body: new Uint8Array(body),
  });
  try {
    return await copy.formData();
  } catch {
    throw new InvalidRequestError("The form could not be read.");
  }
}

/** A JSON field of the form; `fallback` when absent. Throws InvalidRequestError when it is not JSON. */
export function formJson(form: FormData, name: string, fallback: unknown): unknown {
  const v = form.get(name);
  if (v === null) return fallback;
  try {
    return JSON.parse(String(v));
  } catch {
    throw new InvalidRequestError(`The "${name}" field is not valid JSON.`);
  }
}

/** A JSON object field (or null when absent). */
export function formObject(form: FormData, name: string): Record<string, unknown> | null {
  const v = formJson(form, name, null);
  if (v === null) return null;
  if (typeof v !== "object" || Array.isArray(v))
    throw new InvalidRequestError(`The "${name}" field must be a JSON object.`);
  return v as Record<string, unknown>;
}

/** A JSON array of whole numbers ≥ 0 (or null when absent), at most `max` of them. */
export function formIndexes(form: FormData, name: string, max = 1000): number[] | null {
  const v = formJson(form, name, null);
  if (v === null) return null;
  if (!Array.isArray(v) || !v.every((n) => Number.isInteger(n) && n >= 0))
    throw new InvalidRequestError(`The "${name}" field must be a list of whole numbers.`);
  if (v.length > max) throw new InvalidRequestError(`The "${name}" field has more than ${max} entries.`);
  return v as number[];
}
