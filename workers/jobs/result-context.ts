// Everything besides the source bytes that changes what the engine produces or what its guards say:
// the run settings (their hash), the engine version, the collection's reference image, the batch's
// exposure/white-balance target, and the product context (its title, which METAL_TYPE_MISMATCH reads). Its digest is part of a result's key
// (RetouchResult.contextHash): a result made under another context is never reused.
import { createHash } from "node:crypto";
import { engineVersion } from "./engine-version";

export interface ResultContext {
  settingsHash: string;
  engine: string;
  /** sha256 of the reference image bytes, or null without a reference. */
  referenceSha: string | null;
  product: { title: string };
  /** The batch's shared exposure/white-balance target, or null. */
  target: unknown;
}

export function resultContext(
  settingsHash: string,
  reference: Uint8Array | null,
  productTitle: string,
  target: unknown = null,
): ResultContext {
  return {
    settingsHash,
    engine: engineVersion(),
    referenceSha: reference ? createHash("sha256").update(reference).digest("hex") : null,
    product: { title: productTitle },
    target: target ?? null,
  };
}

export function contextHash(c: ResultContext): string {
  return createHash("sha256")
    .update(
      JSON.stringify([c.settingsHash, c.engine, c.referenceSha, c.product.title, ...(c.target ? [c.target] : [])]),
    )
    .digest("hex");
}
