// The network as Loupe runs it (widened to float32, re-targeted to its input side) is derived from
// the shipped file on every session load: ~0.5 s of protobuf work and ~0.3 GB of transient memory per
// worker thread (measured: widen 0.35 s, resize 0.13 s). The result is written once to a cache file
// and later sessions load that file by path, which also keeps the model bytes out of the JS heap.
// The cache is only an optimisation: if it can't be written (read-only disk), the bytes are used.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Bump when the transforms change, so stale derived files are never reused. */
const TRANSFORM_VERSION = 2;

export function modelCacheDir(): string {
  return process.env.LOUPE_MODEL_CACHE || path.join(os.tmpdir(), "loupe-model-cache");
}

/** Cache file name for a derivation of `modelPath`: source identity (path, size, mtime) + recipe. */
export function derivedModelPath(modelPath: string, recipe: string): string {
  const st = fs.statSync(modelPath);
  const id = crypto
    .createHash("sha256")
    .update(`${path.resolve(modelPath)}|${st.size}|${st.mtimeMs}|${recipe}|v${TRANSFORM_VERSION}`)
    .digest("hex")
    .slice(0, 24);
  return path.join(modelCacheDir(), `${path.basename(modelPath, ".onnx")}-${recipe}-${id}.onnx`);
}

/**
 * Returns a path holding `derive(source)` (from the cache, or written now), or the derived bytes
 * when the cache can't be written.
 */
export function derivedModel(
  modelPath: string,
  recipe: string,
  derive: (source: Uint8Array) => Uint8Array,
): string | Uint8Array {
  const target = derivedModelPath(modelPath, recipe);
  if (fs.existsSync(target)) return target;
  const bytes = derive(fs.readFileSync(modelPath));
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Written under a unique name and renamed, so a concurrent thread never reads half a file.
    const tmp = `${target}.${process.pid}.${crypto.randomUUID()}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
    return target;
  } catch {
    return bytes;
  }
}
