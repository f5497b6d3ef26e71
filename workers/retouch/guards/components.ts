// 4-connected components of a binary mask (iterative flood fill, no recursion), with their boxes.
export interface Component {
  mask: Uint8Array;
  area: number;
  box: { x: number; y: number; w: number; h: number };
}

export function components(mask: Uint8Array, w: number, h: number, minArea: number): Component[] {
  const label = new Int32Array(mask.length);
  const stack = new Int32Array(mask.length);
  const comps: Array<{ id: number; area: number; x0: number; y0: number; x1: number; y1: number }> = [];
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
      if (x > 0 && mask[p - 1] && !label[p - 1]) (label[p - 1] = id), (stack[sp++] = p - 1);
      if (x < w - 1 && mask[p + 1] && !label[p + 1]) (label[p + 1] = id), (stack[sp++] = p + 1);
      if (y > 0 && mask[p - w] && !label[p - w]) (label[p - w] = id), (stack[sp++] = p - w);
      if (y < h - 1 && mask[p + w] && !label[p + w]) (label[p + w] = id), (stack[sp++] = p + w);
    }
    if (area >= minArea) comps.push({ id, area, x0, y0, x1, y1 });
  }
  return comps.map((c) => {
    const m = new Uint8Array(mask.length);
    for (let y = c.y0; y <= c.y1; y++) for (let x = c.x0; x <= c.x1; x++) if (label[y * w + x] === c.id) m[y * w + x] = 1;
    return { mask: m, area: c.area, box: { x: c.x0, y: c.y0, w: c.x1 - c.x0 + 1, h: c.y1 - c.y0 + 1 } };
  });
}
