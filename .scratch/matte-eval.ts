import { makeFixture } from "../tests/fixtures/jewelry";
import { isnetProbability } from "../workers/retouch/segment/isnet";
import { resampleBilinear } from "../workers/retouch/pixels/plane";
import { scoreCutout } from "../workers/retouch/metrics/cutout";
import { buildMatte } from "../workers/retouch/matte/pipeline-matte";
import { REFINE_DEFAULTS } from "../workers/retouch/matte/refine";
const specs = [
  { layout: "ring", size: 1200 }, { layout: "pendant", surface: "grey-gradient", metal: "rose", gem: "emerald", size: 1200 },
  { layout: "chain", surface: "black", metal: "silver", size: 1200 }, { layout: "ring", surface: "pale-blue", metal: "white", cast: "cool", size: 1200 },
] as const;
const sides = (process.env.SIDES ?? "1024,640").split(",").map(Number);
const fx = specs.map((s) => makeFixture(s as any));
const probs: Record<number, any[]> = {};
for (const side of sides) { probs[side] = []; for (const f of fx) { const t = performance.now(); probs[side].push(await isnetProbability(f.image, "models/isnet-fp16.onnx", side)); console.error(side, (performance.now()-t).toFixed(0)); } }
const fmt = (o: any) => Object.entries(o).map(([k, v]) => `${k}=${(v as number).toFixed(4)}`).join(" ");
for (const side of sides) for (const variant of ["raw", "refined", "guidedOnly"]) {
  const acc: any = { iou: 0, mae: 0, boundaryF: 0 };
  for (let i = 0; i < fx.length; i++) {
    const f = fx[i]; let a;
    if (variant === "raw") a = resampleBilinear(probs[side][i], f.image.width, f.image.height);
    else a = (await buildMatte(f.image, probs[side][i], { ...REFINE_DEFAULTS, compositing: variant === "refined" })).alpha;
    const s = scoreCutout(a, f.alpha);
    console.log(side, variant, i, fmt(s));
    for (const k in acc) acc[k] += (s as any)[k] / fx.length;
  }
  console.log("MEAN", side, variant, fmt(acc));
}
