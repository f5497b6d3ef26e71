// Order statistics without sorting. The guards and the backdrop fit take medians and deciles of up
// to ~10⁵ values per image; a copy-and-sort was ~9 ms of a 4 MP run. This is a radix select on the float32 bit
// patterns: three flat counting passes (11 + 11 + 10 bits) over the values, no copy, no reordering,
// and the very element a sort would put at that index (bit patterns are mapped so that their unsigned
// order is the numeric order, −0 before +0, as TypedArray sort has it).

const hist = new Int32Array(2048);
const one = new Float32Array(1);
const oneBits = new Uint32Array(one.buffer);

/** The k-th smallest (0-based) of a[0..n). */
export function selectK(a: Float32Array, k: number, n = a.length): number {
  const bits = new Uint32Array(a.buffer, a.byteOffset, n);
  // Pass 1: top 11 bits of the key; passes 2 and 3 only count keys that share the prefix found so far.
  let prefix = pick(bits, n, 21, 0x7ff, 0, 0, k);
  k = rest;
  prefix = (prefix << 11) | pick(bits, n, 10, 0x7ff, 21, prefix, k);
  k = rest;
  const key = ((prefix << 10) | pick(bits, n, 0, 0x3ff, 10, prefix, k)) >>> 0;
  oneBits[0] = key & 0x80000000 ? key ^ 0x80000000 : ~key;
  return one[0]!;
}

/** What is left of k inside the bucket `pick` chose. */
let rest = 0;

/**
 * Histogram of (key >>> shift) & mask over keys whose (key >>> prefixShift) equals prefix (all keys
 * when prefixShift is 0 and shift 21), and the bucket holding the k-th; sets `rest`.
 */
function pick(
  bits: Uint32Array,
  n: number,
  shift: number,
  mask: number,
  prefixShift: number,
  prefix: number,
  k: number,
): number {
  hist.fill(0);
  const all = shift === 21;
  for (let i = 0; i < n; i++) {
    const u = bits[i]!;
    const key = (u & 0x80000000 ? ~u : u | 0x80000000) >>> 0;
    if (all || key >>> prefixShift === prefix) hist[(key >>> shift) & mask]++;
  }
  let b = 0;
  while (k >= hist[b]!) k -= hist[b++]!;
  rest = k;
  return b;
}

/** Value at quantile q in [0, 1] of a[0..n): the entry a sort would put at round(q·(n−1)). */
export function quantileOf(a: Float32Array, q: number, n = a.length): number {
  if (n === 0) return NaN;
  return selectK(a, Math.min(n - 1, Math.max(0, Math.round(q * (n - 1)))), n);
}
