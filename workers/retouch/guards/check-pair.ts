// The check CLI's comparison of two photos from any retoucher: the matte is estimated from the pair
// (estimateMatte), the gains from the backdrop. Kept apart from the CLI so that tests run the same
// path as `npm run check`.
import type { Image8, ProductContext, Warning } from "../types";
import { estimateMatte } from "./matte-estimate";
import { runGuards } from "./run";

export interface CheckOptions {
  reference?: Image8 | null;
  product?: ProductContext;
}

export interface CheckResult {
  warnings: Warning[];
}

export function checkPair(before: Image8, after: Image8, opts: CheckOptions = {}): CheckResult {
  if (before.width !== after.width || before.height !== after.height)
    throw new Error(`before is ${before.width}×${before.height} but after is ${after.width}×${after.height}; the guards compare the same geometry`);
  const warnings = runGuards({ before, after, alpha: estimateMatte(before, after), reference: opts.reference ?? null, product: opts.product });
  return { warnings };
}
