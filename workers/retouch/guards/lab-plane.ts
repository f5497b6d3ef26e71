// Linear sRGB → CIELAB D65 for whole planes. The arithmetic is color/lab.ts's linearRgbToLab, term
// for term, so results are identical to the last bit; this copy writes straight into typed arrays
// and is inlined into the loops that call it.
import { D65_WHITE } from "../color";

const EPS = 216 / 24389;
const KAPPA = 24389 / 27;
const XN = D65_WHITE[0];
const ZN = D65_WHITE[2];

/**
 * Lab of (r, g, b) into out[o..o+3). The cube-root branch is written out three times rather than
 * called: V8's mid-tier compiler (which runs the guards for their first several images) inlines one
 * level of calls, and a call per channel boxed every intermediate double (~5× slower).
 */
export function labInto(r: number, g: number, b: number, out: Float32Array | Float64Array, o: number): void {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / XN;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / ZN;
  const fx = x > EPS ? Math.cbrt(x) : (KAPPA * x + 16) / 116;
  const fy = y > EPS ? Math.cbrt(y) : (KAPPA * y + 16) / 116;
  const fz = z > EPS ? Math.cbrt(z) : (KAPPA * z + 16) / 116;
  out[o] = 116 * fy - 16;
  out[o + 1] = 500 * (fx - fy);
  out[o + 2] = 200 * (fy - fz);
}
