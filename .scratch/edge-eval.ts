import { makeFixture } from "../tests/fixtures/jewelry";
import { isnetProbability } from "../workers/retouch/segment/isnet";
import { resampleBilinear } from "../workers/retouch/pixels/plane";
import { encodeSrgb } from "../workers/retouch/pixels/srgb";
import { scoreCutout, scoreEdges, edgeBand } from "../workers/retouch/metrics/cutout";
import { buildMatte } from "../workers/retouch/matte/pipeline-matte";
import { decontaminate } from "../workers/retouch/matte/decontaminate";
const specs = [
  { layout: "ring", size: 1200 }, { layout: "pendant", surface: "grey-gradient", metal: "rose", gem: "emerald", size: 1200 },
  { layout: "chain", surface: "black", metal: "silver", size: 1200 }, { layout: "ring", surface: "pale-blue", metal: "white", cast: "cool", size: 1200 },
] as const;
const fmt = (o: any) => Object.entries(o).map(([k, v]) => `${k}=${(v as number).toFixed(4)}`).join(" ");
for (const s of specs) {
  const f = makeFixture(s as any); const n = f.image.width * f.image.height;
  const ideal = new Float32Array(3 * n), surf = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) { const a = f.alpha.data[i]; ideal[3*i+c] = a * encodeSrgb(f.pieceLinear[3*i+c] * f.photoGains[c]) + (1 - a); surf[3*i+c] = encodeSrgb(f.surfaceLinear[3*i+c] * f.photoGains[c]); }
  const band = edgeBand(f.alpha);
  const a1024 = resampleBilinear(await isnetProbability(f.image, "models/isnet-fp16.onnx", 1024), f.image.width, f.image.height);
  const anchor = new Uint8Array(4 * n); for (let i = 0; i < n; i++) { for (let c = 0; c < 3; c++) anchor[4*i+c] = f.image.data[3*i+c]; anchor[4*i+3] = Math.round(a1024.data[i]*255); }
  const p = await isnetProbability(f.image, "models/isnet-fp16.onnx", 640);
  const m = await buildMatte(f.image, p);
  const cut = decontaminate(f.image, m.alpha, m.work, m.backdrop, m.fg);
  const naive = new Uint8Array(4 * n); for (let i = 0; i < n; i++) { for (let c = 0; c < 3; c++) naive[4*i+c] = f.image.data[3*i+c]; naive[4*i+3] = Math.round(m.alpha.data[i]*255); }
  console.log(s.layout, s.surface ?? "white", "trust", m.backdrop.trust.toFixed(2), "compShare", m.compositingShare.toFixed(2));
  console.log("  anchor ", fmt(scoreCutout(a1024, f.alpha)), fmt(scoreEdges(anchor, ideal, surf, band)));
  console.log("  alphaOnly", fmt(scoreEdges(naive, ideal, surf, band)));
  console.log("  ours   ", fmt(scoreCutout(m.alpha, f.alpha)), fmt(scoreEdges(cut, ideal, surf, band)));
}
