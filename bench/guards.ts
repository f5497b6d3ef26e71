// Guards timing on a 4-megapixel synthetic pair (2000 × 2000): median of a few runs of runGuards
// and of the check CLI's matte estimate. The lead wires benchGuards into `npm run bench`.
import { estimateMatte, runGuards, type GuardInput } from "../workers/retouch/guards";
import type { Image8 } from "../workers/retouch/types";

/** A ring-like piece with texture, a stone and glints on a grey backdrop, and a retouched copy. */
export function syntheticPair(size = 2000): GuardInput {
  const n = size * size;
  const before = new Uint8Array(n * 3);
  const after = new Uint8Array(n * 3);
  const alpha = new Float32Array(n);
  const c = size / 2;
  const R = size * 0.3;
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      const r = Math.hypot(x - c, (y - c) / 0.7);
      const a = Math.max(0, Math.min(1, Math.min(R - r, r - (R - size * 0.06)) + 0.5));
      const gem = Math.hypot(x - c, y - (c - R * 0.7)) < size * 0.04;
      const al = gem ? 1 : a;
      alpha[i] = al;
      const th = Math.atan2(y - c, x - c);
      const shade = 0.3 + 0.7 * (0.5 + 0.5 * Math.sin(3 * th)) + 0.05 * (rnd() - 0.5);
      const glint = (x * 7 + y * 13) % 997 === 0 ? 80 : 0;
      const piece = gem
        ? [30, 120, 60]
        : [Math.min(255, 220 * shade + glint), Math.min(255, 180 * shade + glint), Math.min(255, 90 * shade + glint)];
      const o = i * 3;
      for (let k = 0; k < 3; k++) {
        before[o + k] = Math.round(al * piece[k]! + (1 - al) * 170 + (rnd() - 0.5) * 2);
        after[o + k] = Math.round(al * Math.min(255, piece[k]! * 1.1) + (1 - al) * 255);
      }
    }
  const img = (d: Uint8Array): Image8 => ({ width: size, height: size, channels: 3, data: d });
  return {
    before: img(before),
    after: img(after),
    alpha: { width: size, height: size, data: alpha },
    backdrop: [170, 170, 170],
  };
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export async function benchGuards(runs = 5): Promise<Record<string, number>> {
  const input = syntheticPair();
  runGuards(input); // warm-up (JIT)
  const tGuards: number[] = [];
  const cGuards: number[] = [];
  const tMatte: number[] = [];
  for (let k = 0; k < runs; k++) {
    let t = performance.now();
    const c = process.cpuUsage().user;
    runGuards(input);
    tGuards.push(performance.now() - t);
    // CPU time as well: on a shared machine wall time also counts other processes' turns.
    cGuards.push((process.cpuUsage().user - c) / 1000);
    t = performance.now();
    estimateMatte(input.before, input.after);
    tMatte.push(performance.now() - t);
  }
  return {
    guards_4mp_ms: Math.round(median(tGuards)),
    guards_4mp_cpu_ms: Math.round(median(cGuards)),
    matte_estimate_4mp_ms: Math.round(median(tMatte)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchGuards().then((r) => console.log(JSON.stringify(r)));
}
