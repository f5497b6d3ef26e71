import sharp from "sharp";
const names = process.argv.slice(2);
const tiles: Buffer[] = [];
for (const n of names) {
  const cut = await sharp(`/tmp/wt/${n}.cut.png`).resize(500, 500, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer();
  tiles.push(await sharp({ create: { width: 500, height: 500, channels: 3, background: "#3060c0" } }).composite([{ input: cut }]).png().toBuffer());
  tiles.push(await sharp(`/tmp/wt/${n}.out.jpg`).resize(500, 500).png().toBuffer());
}
await sharp({ create: { width: 1000, height: 500 * names.length, channels: 3, background: "#000" } })
  .composite(tiles.map((t, i) => ({ input: t, left: (i % 2) * 500, top: Math.floor(i / 2) * 500 }))).png().toFile("/tmp/wt/grid.png");
