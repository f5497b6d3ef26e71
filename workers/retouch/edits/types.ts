// A merchant's manual edits of one photo: brush strokes on the cutout and a colour pass. Pure data,
// shared by the API (validation), the engine (re-render) and the browser (preview).

export type StrokeOp = "erase" | "restore" | "refine";

/** One brush stroke, in the original photo's pixel coordinates (x right, y down, upright photo). */
export interface MaskStroke {
  op: StrokeOp;
  /** Brush radius in original pixels. */
  radius: number;
  /** 0..1: share of the radius at full strength; the rest falls off smoothly to 0 at the radius. */
  hardness: number;
  points: Array<[number, number]>;
}

/** Exposure in stops; temperature and tint in −100..100 (white-balance gains, see color-pass.ts). */
export interface ColorPass {
  exposure: number;
  temperature: number;
  tint: number;
}

export interface EditList {
  mask: MaskStroke[];
  color: ColorPass | null;
}

export const NO_EDITS: EditList = { mask: [], color: null };

export function hasEdits(e: EditList | null | undefined): boolean {
  return !!e && (e.mask.length > 0 || (e.color !== null && !isNeutralPass(e.color)));
}

export function isNeutralPass(c: ColorPass): boolean {
  return c.exposure === 0 && c.temperature === 0 && c.tint === 0;
}
