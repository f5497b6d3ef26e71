// 4-connected components of a binary mask (iterative flood fill, no recursion), with their boxes.
// Components share one label image; a full-size mask is built only on request (maskOf), because a
// noisy matte can have thousands of tiny components.
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
  const stack = new Int32Array(mask.length);
  const comps: Component[] = [];
  let next = 0;
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s] || label[s]) continue;
    const id = ++next;
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
    if (area >= minArea) comps.push({ id, area, box: { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 } });
  }
  return { label, w, h, comps };
}

export function maskOf(l: Labeled, c: Component): Uint8Array {
  const m = new Uint8Array(l.w * l.h);
  for (let y = c.box.y; y < c.box.y + c.box.h; y++)
    for (let x = c.box.x; x < c.box.x + c.box.w; x++) if (l.label[y * l.w + x] === c.id) m[y * l.w + x] = 1;
  return m;
}
