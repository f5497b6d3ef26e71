// Stage 2 — segment: ISNet (dichotomous image segmentation) probability map of the piece.
// One ONNX session per worker thread, loaded on first use and reused for every image.
import path from "node:path";
import * as ort from "onnxruntime-node";
import sharp from "sharp";
import type { Image8, Plane } from "../types";
import { resizeIsnetModel } from "./model-resize";
import { widenToFloat32 } from "./model-fp32";
import { derivedModel } from "./model-cache";
import { FUSED_OUTPUT, pruneToOutput } from "./model-prune";
import { int8Recipe } from "./isnet-int8";

export const DEFAULT_MODEL = "models/isnet-fp16.onnx";
/**
 * Network input side: 1024, the side the network was trained at. Measured on real retailer cutouts
 * with exact alpha (../shared/data/cutout-dev, `npm run bench -- --only cutout`): 640² loses ~0.02 IoU
 * and most of the white stones on light surfaces; the 1024² pass costs ~1.4 s, within the speed budget.
 */
export const DEFAULT_SIDE = 1024;

export function modelPathFromEnv(): string {
  return process.env.LOUPE_MODEL || DEFAULT_MODEL;
}

export function sideFromEnv(): number {
  const v = Number(process.env.LOUPE_ISNET_SIDE);
  return Number.isInteger(v) && v >= 256 && v <= 1024 && v % 64 === 0 ? v : DEFAULT_SIDE;
}

interface Loaded {
  key: string;
  session: ort.InferenceSession;
}
let loaded: Promise<Loaded> | null = null;

/**
 * "fast": the graph Loupe runs — its convolutions quantized to 8 bits (isnet-int8.ts), or "fp32" when
 * no calibration fits the model file. "fp32": the file widened to float32 (model-fp32.ts) and pruned
 * to its one read output. "shipped": the file exactly as the exporting package runs it, for the
 * bench's anchor and bare-network timings.
 */
export type GraphVariant = "fast" | "fp32" | "shipped";

function sessionKey(modelPath: string, side: number, variant: GraphVariant): string {
  return `${path.resolve(modelPath)}@${side}/${variant}`;
}

const fp32Graph = (side: number) => (file: Uint8Array) => pruneToOutput(resizeIsnetModel(widenToFloat32(file), side));

/** Which graph a variant runs for this model file: "shipped", "fp32" or "int8-<ranges id>". */
export function graphName(modelPath: string, variant: GraphVariant = "fast"): string {
  if (variant !== "fast") return variant;
  return int8Recipe(modelPath)?.recipe ?? "fp32";
}

/** The model to load for a variant: a path (the file, or its derivation in the cache) or bytes. */
export function graphSource(modelPath: string, side: number, variant: GraphVariant): string | Uint8Array {
  if (variant === "shipped")
    return side === 1024 ? modelPath : derivedModel(modelPath, `shipped-${side}`, (f) => resizeIsnetModel(f, side));
  const int8 = variant === "fast" ? int8Recipe(modelPath) : null;
  if (int8)
    try {
      return derivedModel(modelPath, `${int8.recipe}-${side}`, (f) => int8.quantize(fp32Graph(side)(f)));
    } catch (err) {
      // A table that does not fit the graph after all: the float32 graph is the reference, run it.
      console.error(`isnet: 8-bit graph unavailable (${err instanceof Error ? err.message : err}); running float32`);
    }
  return derivedModel(modelPath, `fp32-${side}`, fp32Graph(side));
}

async function load(modelPath: string, side: number, variant: GraphVariant): Promise<Loaded> {
  const key = sessionKey(modelPath, side, variant);
  const source = graphSource(modelPath, side, variant);
  const opts: ort.InferenceSession.SessionOptions = {
    // Two intra-op threads use both cores for the one pass; one thread was 2–3× slower (bench).
    intraOpNumThreads: Number(process.env.LOUPE_ORT_THREADS) || 2,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
    // Without the arena the session's peak RSS drops from ~1.3 GB to ~0.85 GB at no measurable cost.
    enableCpuMemArena: false,
    // Without the memory pattern (one block planned for every activation of the pass) each tensor is
    // freed when its last reader is done: the 1024² pass alone peaks at ~0.99 GB instead of ~1.10 GB
    // (farm-bench, 3 pairs; CPU time ×1.03).
    enableMemPattern: false,
    logSeverityLevel: 3,
  };
  const session =
    typeof source === "string"
      ? await ort.InferenceSession.create(source, opts)
      : await ort.InferenceSession.create(source, opts);
  return { key, session };
}

export async function getSession(
  modelPath: string,
  side: number,
  variant: GraphVariant = "fast",
): Promise<ort.InferenceSession> {
  const key = sessionKey(modelPath, side, variant);
  if (loaded) {
    const l = await loaded;
    if (l.key === key) return l.session;
    await l.session.release();
  }
  loaded = load(modelPath, side, variant);
  try {
    return (await loaded).session;
  } catch (e) {
    loaded = null;
    throw e;
  }
}

/**
 * The network's input from side² interleaved RGB bytes: the exporting package's normalisation,
 * (v − 128) / 256 per channel, planar.
 */
export function networkInput(rgb: Uint8Array, side: number): ort.Tensor {
  const n = side * side;
  const x = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    x[i] = (rgb[3 * i]! - 128) / 256;
    x[n + i] = (rgb[3 * i + 1]! - 128) / 256;
    x[2 * n + i] = (rgb[3 * i + 2]! - 128) / 256;
  }
  return new ort.Tensor("float32", x, [1, 3, side, side]);
}

/** Runs ISNet on the whole frame squashed to side² (as the anchor does); returns side² probabilities. */
export async function isnetProbability(
  img: Image8,
  modelPath: string,
  side: number,
  resized?: (w: number, h: number, kernel: "lanczos3") => Promise<Buffer>,
  variant: GraphVariant = "fast",
): Promise<Plane> {
  const session = await getSession(modelPath, side, variant);
  const small = resized
    ? await resized(side, side, "lanczos3")
    : await sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels } })
        .resize(side, side, { fit: "fill", kernel: "lanczos3" })
        .removeAlpha()
        .raw()
        .toBuffer();
  const out = await session.run({ input: networkInput(small, side) }, [FUSED_OUTPUT]);
  const t = out[FUSED_OUTPUT]!;
  const data = new Float32Array(t.data as Float32Array);
  t.dispose();
  return { width: side, height: side, data };
}
