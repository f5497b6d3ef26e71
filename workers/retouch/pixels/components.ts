// 4-connected components of a binary mask (iterative flood fill, no recursion), with their boxes.
// Components share one label image (no mask per component: a noisy matte can have thousands of tiny
// components); per-component sums read the labels directly (means.ts compareComponents).
import { scratch } from "./scratch";

export interface Component {
  id: number;
  area: number;
  box: { x: number; y: number; w: number; h: number };
}

export interface Labeled {
  label: Int32Array;
  w: number;
  h: number;
  comps: Component[];
}

export function labelComponents(mask: Uint8Array, w: number, h: number, minArea: number): Labeled {
  const label = new Int32Array(mask.length);
  const stack = scratch("components.stack", Int32Array, mask.length);
  const comps: Component[] = [];
  let next = 0;
  for (let s = nextSeed(mask, label, 0); s >= 0; s = nextSeed(mask, label, s + 1)) {
    const c = flood(mask, label, stack, s, ++next, w, h);
    if (c.area >= minArea) comps.push(c);
  }
  return { label, w, h, comps };
}

/** The first set, unlabelled pixel from s on, or −1 (its own function: see flood). */
function nextSeed(mask: Uint8Array, label: Int32Array, s: number): number {
  for (; s < mask.length; s++) if (mask[s] && !label[s]) return s;
  return -1;
}

/** Flood fill of one component from seed s (a function of its own so V8 optimises it as a hot function). */
function flood(
  mask: Uint8Array,
  label: Int32Array,
  stack: Int32Array,
  s: number,
  id: number,
  w: number,
  h: number,
): Component {
  let sp = 0;
  stack[sp++] = s;
  label[s] = id;
  let area = 0;
  let x0 = w;
  let y0 = h;
  let x1 = 0;
  let y1 = 0;
  while (sp > 0) {
    const p = stack[--sp]!;
    area++;
    const x = p % w;
    const y = (p - x) / w;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (x > 0 && mask[p - 1] && !label[p - 1]) {
      label[p - 1] = id;
      stack[sp++] = p - 1;
    }
    if (x < w - 1 && mask[p + 1] && !label[p + 1]) {
      label[p + 1] = id;
      stack[sp++] = p + 1;
    }
    if (y > 0 && mask[p - w] && !label[p - w]) {
      label[p - w] = id;
      stack[sp++] = p - w;
    }
    if (y < h - 1 && mask[p + w] && !label[p + w]) {
      label[p + w] = id;
      stack[sp++] = p + w;
    }
  }
  return { id, area, box: { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 } };
}
