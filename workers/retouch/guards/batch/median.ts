// Robust batch statistics: a batch has few images and outliers are what we look for, so centre and
// spread are median and MAD, never mean and standard deviation.
export function median(v: number[]): number {
  if (v.length === 0) return NaN;
  const a = [...v].sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
}

/** Median absolute deviation scaled to σ for normal data. */
export function mad(v: number[]): number {
  const m = median(v);
  return 1.4826 * median(v.map((x) => Math.abs(x - m)));
}
