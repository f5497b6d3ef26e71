// The 4-connected neighbours of a pixel in a row-major w-wide plane of n pixels, −1 where the pixel
// lies on the plane's border (the flood fills and region walks of the matte and the guards).

/** Left, right, up and down of pixel i; −1 for a side outside the plane. */
export function neighbours4(i: number, w: number, n: number): [number, number, number, number] {
  const x = i % w;
  return [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i >= w ? i - w : -1, i + w < n ? i + w : -1];
}
