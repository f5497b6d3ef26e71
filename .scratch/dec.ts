import sharp from "sharp";
import { decodeInput } from "../workers/retouch/decode";
const jpg = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#c08040" } }).jpeg().toBuffer();
const cases: Record<string, Uint8Array> = {
  empty: new Uint8Array(0),
  trunc: jpg.subarray(0, jpg.length / 2),
  corrupt: Buffer.concat([jpg.subarray(0, 200), Buffer.alloc(2000, 7)]),
  text: Buffer.from("hello world, not an image"),
  cmyk: await sharp({ create: { width: 300, height: 200, channels: 3, background: "#c08040" } }).toColourspace("cmyk").jpeg().toBuffer(),
  png16: await sharp({ create: { width: 300, height: 200, channels: 3, background: "#c08040" } }).toColourspace("rgb16").png().toBuffer(),
  grey: await sharp({ create: { width: 300, height: 200, channels: 3, background: "#808080" } }).greyscale().png().toBuffer(),
  alpha: await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 10, g: 200, b: 10, alpha: 0.5 } } }).png().toBuffer(),
  gif: await sharp({ create: { width: 300, height: 600, channels: 3, background: "#c08040" } }).gif({}).toBuffer().then(b=>sharp(b,{}).toBuffer()),
  anim: await sharp([ {create:{width:64,height:64,channels:3,background:"#ff0000"}}, {create:{width:64,height:64,channels:3,background:"#00ff00"}} ] as any, { join: { animated: true } }).gif().toBuffer().catch(e=>Buffer.from(String(e))),
  big: await sharp({ create: { width: 10000, height: 5000, channels: 3, background: "#fff" } }).png({compressionLevel:9}).toBuffer(),
};
for (const [k, v] of Object.entries(cases)) {
  try { const d = await decodeInput(v); console.log(k, "OK", d.image.width, d.image.height, d.format, d.notes, Array.from(d.image.data.subarray(0,3))); }
  catch (e: any) { console.log(k, "ERR", e.code, e.message); }
}
