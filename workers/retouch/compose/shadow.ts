// A soft contact shadow: the piece's silhouette, flattened toward the floor, blurred and dropped a
// little below it. Pure neutral black at low opacity, so it can never tint the background.
import sharp from "sharp";

export const SHADOW_OPACITY = 0.22;

export async function softShadow(pieceLayer: Uint8Array, size: number): Promise<Uint8Array> {
  const a = new Uint8Array(size * size);
  for (let i = 0; i < a.length; i++) a[i] = pieceLayer[4 * i + 3]!;
  const squash = Math.max(1, Math.round(size * 0.35));
  const blurred = await sharp(a, { raw: { width: size, height: size, channels: 1 } })
    .resize(size, squash, { fit: "fill" })
    .blur(Math.max(0.5, size * 0.012))
    .raw()
    .toBuffer();
  const out = new Uint8Array(size * size * 4);
  // Place the squashed silhouette so its top sits at 75 % of the piece's height: a shadow cast on
  // the floor just behind and below the piece.
  let lastRow = 0;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (a[y * size + x]) lastRow = y;
  const top = Math.min(size - squash, Math.max(0, lastRow - Math.round(squash * 0.85)));
  for (let y = 0; y < squash; y++)
    for (let x = 0; x < size; x++) {
      const v = blurred[y * size + x]!;
      if (!v) continue;
      out[4 * ((top + y) * size + x) + 3] = Math.round(v * SHADOW_OPACITY);
    }
  return out;
}
