// The ring around a spot (spots/ring.ts): even on plain metal, uneven where a stone, a bead or the
// piece's edge is beside the spot.
import { describe, expect, it } from "vitest";
import { ringStats, evenRing, SPOT_RING, LIGHT_RING } from "../../../workers/retouch/spots/ring";

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
    const s = ringStats(rgba, W, W, H, 0, 0, box, inner);
    expect(s.onPiece).toBe(1);
    expect(s.lumaSpread).toBeCloseTo(0, 6);
    expect(s.chromaSpread).toBeCloseTo(0, 6);
    expect(evenRing(s, SPOT_RING)).toBe(true);
    expect(evenRing(s, LIGHT_RING)).toBe(true);
  });

  it("a teal stone on one side (x ≥ 21): colour spread over the limits", () => {
    const { rgba, inner } = plain(GOLD);
    for (let y = 0; y < H; y++) for (let x = 21; x < W; x++) rgba.set(TEAL, 4 * (y * W + x));
    const s = ringStats(rgba, W, W, H, 0, 0, box, inner);
    expect(s.onPiece).toBe(1);
    expect(s.chromaSpread).toBeGreaterThan(SPOT_RING.chromaSpread);
    expect(evenRing(s, SPOT_RING)).toBe(false);
  });

  it("a spot by the piece's edge (left half off the piece): under the share on the piece", () => {
    const { rgba, inner } = plain(GOLD);
    for (let y = 0; y < H; y++) for (let x = 0; x < 20; x++) inner[y * W + x] = 0;
    const s = ringStats(rgba, W, W, H, 0, 0, box, inner);
    // The ring spans x 14..25; 6 of its 12 columns are off the piece.
    expect(s.onPiece).toBeCloseTo(0.5, 1);
    expect(evenRing(s, SPOT_RING)).toBe(false);
  });

  it("by the edge with a third of the ring off the piece: taken only where the metal on it is even", () => {
    const { rgba, inner } = plain(GOLD);
    for (let y = 0; y < H; y++) for (let x = 0; x < 18; x++) inner[y * W + x] = 0;
    const even = ringStats(rgba, W, W, H, 0, 0, box, inner);
    expect(even.onPiece).toBeGreaterThan(SPOT_RING.edge!.onPiece);
    expect(even.onPiece).toBeLessThan(SPOT_RING.onPiece);
    expect(evenRing(even, SPOT_RING)).toBe(true);
    // Hammer marks: every other row 15 % darker.
    for (let y = 0; y < H; y += 2) for (let x = 18; x < W; x++) rgba.set([190, 150, 80], 4 * (y * W + x));
    const marked = ringStats(rgba, W, W, H, 0, 0, box, inner);
    expect(marked.lumaSpread).toBeGreaterThan(SPOT_RING.edge!.lumaSpread);
    expect(evenRing(marked, SPOT_RING)).toBe(false);
  });

  it("a grey stripe across gold (a wire): luminance and colour spread rise", () => {
    const { rgba, inner } = plain(GOLD);
    for (let y = 0; y < H; y++) for (let x = 14; x < 16; x++) rgba.set([235, 235, 235], 4 * (y * W + x));
    const s = ringStats(rgba, W, W, H, 0, 0, box, inner);
    expect(s.lumaSpread).toBeGreaterThan(0.08);
    expect(evenRing(s, LIGHT_RING)).toBe(false);
  });
});
