// A segmenter that keeps the network's map of each input in .cache/network/ (keyed by the decoded
// pixels, the model file, the side and the segmenter's id, which names the graph it runs), for
// `--reuse-network`: re-running the cutout bench after a change behind the network then skips the
// ~1.4 s pass per scene. Never used by the product.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Segmenter } from "../../workers/retouch/segment/segmenter";

const root = path.resolve(import.meta.dirname, "..", "..");

export function cachingSegmenter(inner: Segmenter, modelPath: string, side: number): Segmenter {
  const dir = path.join(root, ".cache", "network");
  fs.mkdirSync(dir, { recursive: true });
  const stat = fs.statSync(modelPath);
  return async (img, resized) => {
    const key = createHash("sha1")
      .update(img.data)
      .update(`${img.width}x${img.height}x${img.channels}|${path.resolve(modelPath)}|${stat.size}|${side}`)
      .update(`|${inner.id ?? ""}`)
      .digest("hex");
    const file = path.join(dir, `${key}.f32`);
    if (fs.existsSync(file)) {
      const data = new Float32Array(fs.readFileSync(file).buffer.slice(0));
      const s = Math.round(Math.sqrt(data.length));
      return { width: s, height: s, data };
    }
    const p = await inner(img, resized);
    fs.writeFileSync(file + ".tmp", Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength));
    fs.renameSync(file + ".tmp", file);
    return p;
  };
}
