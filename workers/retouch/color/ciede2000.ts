// CIEDE2000 colour difference (CIE 142-2001), following the worked formulation and the hue
// wrap-around conventions of Sharma, Wu & Dalal (2005) so that their 34 test pairs match to 4
// decimals. kL = kC = kH = 1 (reference conditions).

const DEG = Math.PI / 180;
const POW25_7 = 6103515625; // 25^7

/** ΔE00 between two CIELAB colours. Symmetric in its arguments. */
export function deltaE2000(L1: number, a1: number, b1: number, L2: number, a2: number, b2: number): number {
  const C1 = Math.sqrt(a1 * a1 + b1 * b1);
  const C2 = Math.sqrt(a2 * a2 + b2 * b2);
  const Cbar = (C1 + C2) / 2;
  const Cbar7 = Math.pow(Cbar, 7);
  // G compensates the a* axis near neutral, where CIELAB's hue spacing is poor.
  const G = 0.5 * (1 - Math.sqrt(Cbar7 / (Cbar7 + POW25_7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.sqrt(a1p * a1p + b1 * b1);
  const C2p = Math.sqrt(a2p * a2p + b2 * b2);
  const h1p = hueDeg(b1, a1p);
  const h2p = hueDeg(b2, a2p);

  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  const CpProd = C1p * C2p;
  if (CpProd !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(CpProd) * Math.sin((dhp / 2) * DEG);

  const Lbarp = (L1 + L2) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbarp = h1p + h2p;
  if (CpProd !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbarp = hbarp / 2;
    else if (hbarp < 360) hbarp = (hbarp + 360) / 2;
    else hbarp = (hbarp - 360) / 2;
  }

  const T =
    1 -
    0.17 * Math.cos((hbarp - 30) * DEG) +
    0.24 * Math.cos(2 * hbarp * DEG) +
    0.32 * Math.cos((3 * hbarp + 6) * DEG) -
    0.2 * Math.cos((4 * hbarp - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((hbarp - 275) / 25) ** 2));
  const Cbarp7 = Math.pow(Cbarp, 7);
  const RC = 2 * Math.sqrt(Cbarp7 / (Cbarp7 + POW25_7));
  const Lm50 = (Lbarp - 50) ** 2;
  const SL = 1 + (0.015 * Lm50) / Math.sqrt(20 + Lm50);
  const SC = 1 + 0.045 * Cbarp;
  const SH = 1 + 0.015 * Cbarp * T;
  const RT = -Math.sin(2 * dTheta * DEG) * RC;

  const tL = dLp / SL;
  const tC = dCp / SC;
  const tH = dHp / SH;
  return Math.sqrt(tL * tL + tC * tC + tH * tH + RT * tC * tH);
}

function hueDeg(b: number, ap: number): number {
  if (b === 0 && ap === 0) return 0;
  const h = Math.atan2(b, ap) / DEG;
  return h < 0 ? h + 360 : h;
}

/**
 * Batch ΔE00 over two interleaved Lab arrays (3 floats per pixel) of equal length; one value per
 * pixel in `out`.
 */
export function deltaE2000Batch(
  lab1: Float32Array,
  lab2: Float32Array,
  out: Float32Array = new Float32Array(lab1.length / 3),
): Float32Array {
  if (lab1.length !== lab2.length) throw new Error("deltaE2000Batch: arrays differ in length");
  for (let i = 0, p = 0; i < lab1.length; i += 3, p++) {
    out[p] = deltaE2000(lab1[i]!, lab1[i + 1]!, lab1[i + 2]!, lab2[i]!, lab2[i + 1]!, lab2[i + 2]!);
  }
  return out;
}

/**
 * Signed hue-angle difference h2 − h1 in degrees, wrapped to (−180, 180], from Lab a*, b*.
 * Used by the gemstone guard (an emerald whose hue rises is drifting toward teal).
 */
export function hueAngleDelta(a1: number, b1: number, a2: number, b2: number): number {
  let d = (Math.atan2(b2, a2) - Math.atan2(b1, a1)) / DEG;
  if (d > 180) d -= 360;
  else if (d <= -180) d += 360;
  return d;
}

/** CIE metric hue difference ΔH*ab = 2·sqrt(C1·C2)·sin(Δh/2) (signed, Lab units). */
export function metricHueDifference(a1: number, b1: number, a2: number, b2: number): number {
  const c1 = Math.hypot(a1, b1);
  const c2 = Math.hypot(a2, b2);
  return 2 * Math.sqrt(c1 * c2) * Math.sin((hueAngleDelta(a1, b1, a2, b2) / 2) * DEG);
}
