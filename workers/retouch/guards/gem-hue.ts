// The hue turn of one stone, read from the stone's own pixels: the median over its pixels of the
// CIELAB hue-angle change (after − expected), where both are chromatic enough for a hue to mean
// something. A region mean blurs a faceted stone's hue into its dark and bright facets; a hue slider
// turns every chromatic pixel by the same angle, and the median sees exactly that.
import type { Labeled } from "../pixels/components";

/** Pixels under this chroma (C*ab) in either image carry no usable hue. */
const MIN_CHROMA = 10;

export interface StoneHue {
  /** Signed median hue change in degrees, or 0 when too few chromatic pixels. */
  dHue: number;
  /** Chromatic pixels the median was taken over. */
  n: number;
}

/** Per component of `l` (same order as l.comps). */
export function stoneHues(
  expectedLab: Float32Array,
  afterLab: Float32Array,
  specular: Uint8Array,
  l: Labeled,
): StoneHue[] {
  const slot = new Int32Array((l.comps.at(-1)?.id ?? 0) + 1).fill(-1);
  l.comps.forEach((c, k) => (slot[c.id] = k));
  const diffs: number[][] = l.comps.map(() => []);
  collect(l.label, slot, expectedLab, afterLab, specular, diffs);
  return diffs.map((d) => {
    if (d.length < 12) return { dHue: 0, n: d.length };
    d.sort((a, b) => a - b);
    return { dHue: d[d.length >> 1]!, n: d.length };
  });
}

function collect(
  label: Int32Array,
  slot: Int32Array,
  e: Float32Array,
  a: Float32Array,
  specular: Uint8Array,
  out: number[][],
): void {
  for (let i = 0; i < label.length; i++) {
    const id = label[i]!;
    if (!id || id >= slot.length || specular[i]) continue;
    const k = slot[id]!;
    if (k < 0) continue;
    const o = i * 3;
    const ce = Math.hypot(e[o + 1]!, e[o + 2]!);
    const ca = Math.hypot(a[o + 1]!, a[o + 2]!);
    if (ce < MIN_CHROMA || ca < MIN_CHROMA) continue;
    let d = ((Math.atan2(a[o + 2]!, a[o + 1]!) - Math.atan2(e[o + 2]!, e[o + 1]!)) * 180) / Math.PI;
    if (d > 180) d -= 360;
    else if (d <= -180) d += 360;
    out[k]!.push(d);
  }
}
