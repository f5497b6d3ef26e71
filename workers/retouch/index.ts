// Public API of the retouching engine: its contract (contract.ts: types, settings, thresholds, colour)
// and the runtime that retouches. Pure image code: no Shopify, no database, no network.
import { sharedPool } from "./pool/engine-pool";
import type { RetouchOutput } from "./report";
import type { RetouchSettings } from "./settings";

export * from "./contract";
export { batchTarget } from "./backdrop/batch-target";
export { EnginePool, EngineTimeoutError } from "./pool/engine-pool";
export { checkPair, type CheckOptions, type CheckResult } from "./guards/check-pair";
export { decodeFile } from "./decode";

/** Retouches one image on the lazily created shared pool (off the caller's event loop). */
export function retouch(input: Uint8Array, settings?: Partial<RetouchSettings>): Promise<RetouchOutput> {
  return sharedPool().retouch(input, settings);
}
