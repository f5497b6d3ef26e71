// Pixels reached from the frame's edge through passable pixels, 4-connected (iterative, no
// recursion): the surroundings of a piece as opposed to what shows through its openings.
import { neighbours4 } from "./neighbours";

/**
 * 1 where a pixel of `pass` (w×h, 1 = passable) is connected to the frame's edge through passable
 * pixels; `seeds` (passable pixels anywhere) count as the edge too.
 */
export function reachFromFrame(pass: Uint8Array, w: number, h: number, seeds?: Uint8Array): Uint8Array {
  const n = w * h;
  const out = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  const push = (i: number): void => {
    if (i >= 0 && !out[i] && pass[i]) {
      out[i] = 1;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < w; x++) {
    push(x);
    push((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    push(y * w);
    push(y * w + w - 1);
  }
  if (seeds) for (let i = 0; i < n; i++) if (seeds[i]) push(i);
  while (top > 0) for (const j of neighbours4(stack[--top]!, w, n)) push(j);
  return out;
}
