// Which way a finish's grain runs. Brushed metal is streaked one way: its luma steps across the
// streaks are several times those along them. Hammered metal, stones and polished metal reflecting
// the room vary about as much both ways.

/**
 * Mean |horizontal step| over mean |vertical step|, or its inverse (≥ 1), over the window of radius r
 * around (cx, cy) on the crop's interior (Y: luma, inner: interior mask, both w × h).
 */
export function grainDirectionality(
  Y: Uint8Array,
  inner: Uint8Array,
  w: number,
  h: number,
  cx: number,
  cy: number,
  r: number,
): number {
  let dx = 0;
  let dy = 0;
  for (let y = Math.max(0, cy - r); y < Math.min(h - 1, cy + r); y++)
    for (let x = Math.max(0, cx - r); x < Math.min(w - 1, cx + r); x++) {
      const i = y * w + x;
      if (!inner[i] || !inner[i + 1] || !inner[i + w]) continue;
      dx += Math.abs(Y[i + 1]! - Y[i]!);
      dy += Math.abs(Y[i + w]! - Y[i]!);
    }
  return (Math.max(dx, dy) + 1) / (Math.min(dx, dy) + 1);
}
