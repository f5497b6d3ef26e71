// How far from the matte the guards look, in working pixels. The working images are only filled
// within this reach of the piece (see work.ts), so every guard that reads pixels outside the matte
// must stay inside it: today the halo's outermost ring, and 2 px for gradients along the outline.

/**
 * The halo guard's rings: distances k0..K from the piece. The first original pixel outside the matte
 * is skipped (anti-aliasing and JPEG ringing of the piece itself); rings reach ~6 original pixels.
 */
export function haloRings(scale: number): { k0: number; K: number } {
  const k0 = scale === 1 ? 2 : 1;
  return { k0, K: Math.max(k0 + 1, Math.round(6 / scale)) };
}

/**
 * Chebyshev distance from the nearest pixel with alpha > 0 within which working pixels are read:
 * the halo rings, and the batch summary's outline gradients (band within 1 px, ±1 px differences).
 * Windowed statistics (sparkle surround, SSIM, local σ) weight by the matte or sit in the interior.
 */
export function workReach(scale: number): number {
  return Math.max(2, haloRings(scale).K);
}
