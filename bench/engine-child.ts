// One bench measurement in a fresh process, so peak RSS belongs to that run alone.
// argv: mode (ours|anchor|isnet) megapixels repeats. Prints one JSON line.
import sharp from "sharp";
import { benchJpeg } from "./bench-input";
import { runPipeline } from "../workers/retouch/pipeline";
import { segmenterFor } from "../workers/retouch/segment/segmenter";
import { isnetProbability, modelPathFromEnv } from "../workers/retouch/segment/isnet";
import { resampleBilinear } from "../workers/retouch/pixels/plane";
import { decodeInput } from "../workers/retouch/decode";
import { releaseMemory } from "../workers/retouch/pool/release-memory";

sharp.concurrency(1);
sharp.cache(false);

const [mode = "ours", mpArg = "4", repeatsArg = "2"] = process.argv.slice(2);
const mp = Number(mpArg);
const repeats = Number(repeatsArg);

/**
 * The anchor's work re-implemented lean (sharp for every resize, the shipped graph at 1024², resized
 * back, alpha applied to the photo, PNG): a lower bound on the anchor's time. The package itself is
 * timed by shipped-anchor.ts.
 */
async function anchor(buf: Buffer): Promise<Record<string, number>> {
  const t0 = performance.now();
  const { image } = await decodeInput(buf);
  const t1 = performance.now();
  const p = await isnetProbability(image, modelPathFromEnv(), 1024, undefined, "shipped");
  const t2 = performance.now();
  const a = resampleBilinear(p, image.width, image.height);
  const rgba = new Uint8Array(image.width * image.height * 4);
  for (let i = 0; i < a.data.length; i++) {
    rgba.set(image.data.subarray(3 * i, 3 * i + 3), 4 * i);
    rgba[4 * i + 3] = Math.round(a.data[i]! * 255);
  }
  await sharp(rgba, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
  const t3 = performance.now();
  return { decode: t1 - t0, segment: t2 - t1, compose: t3 - t2, total: t3 - t0 };
}

const buf = await benchJpeg(mp);
const runs: Record<string, number>[] = [];
const segment = segmenterFor(modelPathFromEnv());
// The first run includes the session load; it is reported apart.
for (let i = 0; i < repeats + 1; i++) {
  let timings: Record<string, number>;
  const t = performance.now();
  if (mode === "anchor") timings = await anchor(buf);
  else if (mode === "isnet") {
    const { image } = await decodeInput(buf);
    const t1 = performance.now();
    await isnetProbability(
      image,
      modelPathFromEnv(),
      Number(process.env.LOUPE_ISNET_SIDE) || 1024,
      undefined,
      "shipped",
    );
    timings = { segment: performance.now() - t1 };
  } else timings = (await runPipeline(buf, { size: 2048 }, segment, "output")).output.report.timings;
  timings.wall = performance.now() - t;
  runs.push(timings);
  await releaseMemory(); // as the pool's thread does between images (workers/retouch/pool/thread.ts)
}
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const steady = runs.slice(1);
const keys = Object.keys(steady[0]!);
const med = Object.fromEntries(keys.map((k) => [k, Math.round(median(steady.map((r) => r[k]!)))]));
console.log(
  JSON.stringify({
    mode,
    mp,
    repeats,
    coldWall: Math.round(runs[0]!.wall!),
    median: med,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
