// Which 8-bit graph the engine runs: the calibrated activation ranges (isnet-activation-ranges.json,
// written by bench/calibrate-isnet.ts) apply to the one model file they were measured on. For any
// other file — or with LOUPE_ISNET_GRAPH=fp32 — the engine runs the float32 graph.
import crypto from "node:crypto";
import fs from "node:fs";
import { quantizeToInt8, STABLE_SPREAD, WEIGHT_MAX, type ActivationRange } from "./model-int8";

export interface ActivationTable {
  /** sha256 of the model file the ranges were measured on. */
  model: string;
  /** What the ranges were measured on, and how they were reduced (for the reader). */
  source: string;
  ranges: Record<string, ActivationRange>;
}

export const ACTIVATION_TABLE = new URL("./isnet-activation-ranges.json", import.meta.url);

let table: ActivationTable | null | undefined;
function activationTable(): ActivationTable | null {
  if (table === undefined) {
    try {
      table = JSON.parse(fs.readFileSync(ACTIVATION_TABLE, "utf8")) as ActivationTable;
    } catch {
      table = null;
    }
  }
  return table;
}

const fileHashes = new Map<string, string>();
/** sha256 of the model file: from the `NAME.sha256` the provisioning step writes, else computed. */
export function modelHash(modelPath: string): string {
  let h = fileHashes.get(modelPath);
  if (!h) {
    try {
      h = fs.readFileSync(`${modelPath}.sha256`, "utf8").split(/\s+/)[0]!;
    } catch {
      h = crypto.createHash("sha256").update(fs.readFileSync(modelPath)).digest("hex");
    }
    fileHashes.set(modelPath, h);
  }
  return h;
}

/**
 * The 8-bit derivation of `modelPath` (a cache recipe naming the ranges it used, and the transform
 * from the float32 graph), or null when no calibration fits the file or LOUPE_ISNET_GRAPH=fp32.
 */
export function int8Recipe(modelPath: string): { recipe: string; quantize: (fp32: Uint8Array) => Uint8Array } | null {
  if (process.env.LOUPE_ISNET_GRAPH === "fp32") return null;
  const t = activationTable();
  if (!t || t.model !== modelHash(modelPath)) return null;
  // The cache name follows the table and the quantizer's rule: a change to either derives anew.
  const id = crypto
    .createHash("sha256")
    .update(`${JSON.stringify(t.ranges)}|spread ${STABLE_SPREAD}|weights ±${WEIGHT_MAX}`)
    .digest("hex")
    .slice(0, 12);
  return { recipe: `int8-${id}`, quantize: (fp32) => quantizeToInt8(fp32, t.ranges) };
}
