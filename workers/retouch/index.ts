// Public API of the retouching engine. Pure image code: no Shopify, no database, no network.
import { sharedPool } from "./pool/engine-pool";
import type { RetouchOutput } from "./report";
import type { RetouchSettings } from "./settings";

export { DEFAULT_SETTINGS, type RetouchSettings, type BatchTarget } from "./settings";
export type { RetouchOutput, ImageReport, SpotEdit } from "./report";
export { RetouchInputError } from "./errors";
export { batchTarget } from "./backdrop/batch-target";
export { EnginePool, EngineTimeoutError } from "./pool/engine-pool";
export type { Image8, Plane, Box, Region, Warning, ProductContext } from "./types";

/** Retouches one image on the lazily created shared pool (off the caller's event loop). */
export function retouch(input: Uint8Array, settings?: Partial<RetouchSettings>): Promise<RetouchOutput> {
  return sharedPool().retouch(input, settings);
}
