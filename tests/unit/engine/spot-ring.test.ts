// The ring around a spot (spots/ring.ts): even on plain metal, uneven where a bead, a wire or the
// piece's edge is around the spot; a stone or a catchlight on one side of a speck on metal is left out
// of the ring (its `beside` part), and what is left must be even by the stricter BESIDE limits.
import { describe, expect, it } from "vitest";
import { ringStats, evenRing, onMetal, SPOT_RING, LIGHT_RING, BESIDE } from "../../../workers/retouch/spots/ring";

const W = 40;
const H = 40;

/** A W × H RGBA image of one colour, with the whole crop inside the piece. */
function plain(rgb: [number, number, number]) {
  const rgba = new Uint8Array(4 * W * H);
  for (let i = 0; i < W * H; i++) rgba.set([...rgb, 255], 4 * i);
  return { rgba, inner: new Uint8Array(W * H).fill(1) };
}

const box = { x: 18, y: 18, w: 4, h: 4 };
const GOLD: [number, number, number] = [214, 170, 92];
const TEAL: [number, number, number] = [30, 140, 135];

describe("spot ring", () => {
  it("plain gold around the spot: fully on the piece, no spread, passes both limits", () => {
    const { rgba, inner } = plain(GOLD);
    const s = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    expect(s.onPiece).toBe(1);
    expect(s.lumaSpread).toBeCloseTo(0, 6);
    expect(s.chromaSpread).toBeCloseTo(0, 6);
    expect(evenRing(s, SPOT_RING)).toBe(true);
    expect(evenRing(s, LIGHT_RING)).toBe(true);
  });

  it("a teal stone on one side (x ≥ 24): the whole ring is uneven, the gold beside it even — a speck on metal by a stone", () => {
    const { rgba, inner } = plain(GOLD);
    for (let y = 0; y < H; y++) for (let x = 24; x < W; x++) rgba.set(TEAL, 4 * (y * W + x));
    const s = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    expect(s.onPiece).toBe(1);
    expect(s.chromaSpread).toBeGreaterThan(SPOT_RING.chromaSpread);
    // The ring spans columns and rows 14..25 less the box grown by 1 (17..22): 108 pixels, 24 of them
    // (columns 24 and 25) on the stone.
    expect(s.beside!.share).toBeCloseTo(24 / 108, 6);
    expect(s.beside!.chromaSpread).toBeCloseTo(0, 6);
    expect(evenRing(s, SPOT_RING)).toBe(true);
  });

  it("a spot on a teal stone (teal over half the ring, gold on one side): uneven, nothing left out", () => {
    const { rgba, inner } = plain(GOLD);
    for (let y = 0; y < H; y++) for (let x = 17; x < W; x++) rgba.set(TEAL, 4 * (y * W + x));
    const s = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    expect(s.beside).toBeUndefined();
    expect(evenRing(s, SPOT_RING)).toBe(false);
    expect(evenRing(s, LIGHT_RING)).toBe(false);
  });

  it("a catchlight's core on one side (skipped) and its paler flank: left out, the rest even", () => {
    const { rgba, inner } = plain(GOLD);
    // Core at x ≥ 24 (skipped), flank x 22–23: brighter and paler than the gold.
    for (let y = 0; y < H; y++) for (let x = 22; x < 24; x++) rgba.set([240, 225, 190], 4 * (y * W + x));
    const s = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box, (x) => x >= 24);
    // Columns 23–25 (36 pixels) and column 22 outside the grown box (6): 42 of 108.
    expect(s.beside!.share).toBeCloseTo(42 / 108, 6);
    expect(s.beside!.lumaSpread).toBeLessThan(BESIDE.lumaSpread);
    expect(evenRing(s, SPOT_RING)).toBe(true);
    // Without the skip (no catchlight there) the bright columns stay in and the ring is uneven.
    const bare = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    expect(bare.lumaSpread).toBeGreaterThan(SPOT_RING.lumaSpread);
  });

  it("by the piece's edge with a stone on the other side: taken where the gold left is smooth, not where it is marked", () => {
    const { rgba, inner } = plain(GOLD);
    // Columns 14–16 of the ring off the piece (36 of 108 pixels), teal at x ≥ 24 (columns 24–25, 24 pixels).
    for (let y = 0; y < H; y++) for (let x = 0; x < 17; x++) inner[y * W + x] = 0;
    for (let y = 0; y < H; y++) for (let x = 24; x < W; x++) rgba.set(TEAL, 4 * (y * W + x));
    const s = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    expect(s.onPiece).toBeCloseTo(72 / 108, 6);
    expect(s.onPiece).toBeLessThan(SPOT_RING.onPiece);
    expect(s.beside!.share).toBeCloseTo(24 / 108, 6);
    expect(s.beside!.lumaSpread).toBeLessThanOrEqual(BESIDE.edgeLumaSpread);
    expect(evenRing(s, SPOT_RING)).toBe(true);
    // Hammer marks on the gold (every other row 15 % darker): the rest varies too much by the edge.
    for (let y = 0; y < H; y += 2) for (let x = 17; x < 24; x++) rgba.set([190, 150, 80], 4 * (y * W + x));
    const marked = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    expect(marked.beside!.lumaSpread).toBeGreaterThan(BESIDE.edgeLumaSpread);
    expect(evenRing(marked, SPOT_RING)).toBe(false);
  });

  it("a spot by the piece's edge (left half off the piece): under the share on the piece", () => {
    const { rgba, inner } = plain(GOLD);
    for (let y = 0; y < H; y++) for (let x = 0; x < 20; x++) inner[y * W + x] = 0;
    const s = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    // The ring spans x 14..25; 6 of its 12 columns are off the piece.
    expect(s.onPiece).toBeCloseTo(0.5, 1);
    expect(evenRing(s, SPOT_RING)).toBe(false);
  });

  it("by the edge with a third of the ring off the piece: taken only where the metal on it is even", () => {
    const { rgba, inner } = plain(GOLD);
    for (let y = 0; y < H; y++) for (let x = 0; x < 18; x++) inner[y * W + x] = 0;
    const even = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    expect(even.onPiece).toBeGreaterThan(SPOT_RING.edge!.onPiece);
    expect(even.onPiece).toBeLessThan(SPOT_RING.onPiece);
    expect(evenRing(even, SPOT_RING)).toBe(true);
    // Hammer marks: every other row 15 % darker.
    for (let y = 0; y < H; y += 2) for (let x = 18; x < W; x++) rgba.set([190, 150, 80], 4 * (y * W + x));
    const marked = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    expect(marked.lumaSpread).toBeGreaterThan(SPOT_RING.edge!.lumaSpread);
    expect(evenRing(marked, SPOT_RING)).toBe(false);
  });

  it("a grey wire across gold under the spot (crossing the ring above and below): uneven, not left out", () => {
    const { rgba, inner } = plain(GOLD);
    for (let y = 0; y < H; y++) for (let x = 19; x < 21; x++) rgba.set([235, 235, 235], 4 * (y * W + x));
    const s = ringStats({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    expect(s.lumaSpread).toBeGreaterThan(0.08);
    expect(s.beside).toBeUndefined();
    expect(evenRing(s, LIGHT_RING)).toBe(false);
    expect(evenRing(s, SPOT_RING)).toBe(false);
  });

  it("on metal: gold, silver and cool silver are metal; teal and a pale blue stone grey by tint are not", () => {
    const at = (rgb: [number, number, number]) => {
      const { rgba, inner } = plain(rgb);
      return onMetal({ rgba, W, cw: W, ch: H, bx: 0, by: 0, inner }, box);
    };
    expect(at(GOLD)).toBe(true);
    expect(at([192, 192, 196])).toBe(true);
    // ln B/R 0.07: silver under a slightly cool light.
    expect(at([188, 190, 194])).toBe(true);
    expect(at(TEAL)).toBe(false);
    // Tint 0.17 (under COLOURED_METAL, so "neutral") but ln B/R 0.24: tamar_ring_0339's blue stone.
    expect(at([180, 190, 200])).toBe(false);
  });
});
