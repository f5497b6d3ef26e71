import sharp from "sharp";
import { makeFixture } from "../tests/fixtures/jewelry";
let t = performance.now();
for (const [i, spec] of ([{layout:"ring", dust: 12, lint: 3, cast: "warm"}, {layout:"pendant", surface:"grey-gradient", metal:"rose", gem:"emerald"}, {layout:"chain", surface:"black", metal:"silver", finish:"brushed", dust: 8}, {layout:"ring", surface:"pale-blue", metal:"white", finish:"hammered", cast:"cool", dust: 10}] as const).entries()) {
  const f = makeFixture(spec as any);
  await sharp(f.image.data, { raw: { width: f.image.width, height: f.image.height, channels: 3 } }).png().toFile(`/tmp/wt/fx${i}.png`);
  console.log(i, f.spots.length, f.highlights.length, (performance.now()-t).toFixed(0)); t = performance.now();
}
