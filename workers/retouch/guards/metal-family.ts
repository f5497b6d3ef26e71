// Metal families from colour and from the product's own words. Colour rules follow the table in
// docs/color-science.md [heuristic]: low chroma = white metal (white gold, platinum, silver); hue
// ~75–95° = yellow gold; lower hue with a clear red component = rose gold. Between the bands the
// family is not guessed (null): a warning must be unambiguous.
import type { ProductContext } from "../types";
import type { Thresholds } from "./thresholds";

export type MetalFamily = "yellow" | "rose" | "white";

export function familyOfLab(lab: [number, number, number], t: Thresholds): MetalFamily | null {
  const [, a, b] = lab;
  const C = Math.hypot(a, b);
  let h = (Math.atan2(b, a) * 180) / Math.PI;
  if (h < 0) h += 360;
  if (C < t.metalWhiteChromaMax!) return "white";
  if (C < t.metalColoredChromaMin!) return null;
  if (h >= t.metalYellowHueMin! && h <= 110) return "yellow";
  if (h <= t.metalRoseHueMax! && a >= t.metalRoseAMin!) return "rose";
  return null;
}

const PATTERNS: Array<[RegExp, MetalFamily]> = [
  [/\b(rose|pink|red)[\s-]*gold\b/i, "rose"],
  [/\bwhite[\s-]*gold\b/i, "white"],
  [/\b(platinum|palladium|rhodium|silver|sterling|925|titanium|stainless)\b/i, "white"],
  [/\byellow[\s-]*gold\b/i, "yellow"],
  [/\b(vermeil|brass)\b/i, "yellow"],
];

/**
 * Families the product claims. A bare "gold" (e.g. "14k Gold Hoops") means yellow gold unless
 * another colour of gold is named. Two-tone / tri-color pieces claim everything (never warned).
 */
export function familiesOfProduct(p: ProductContext | undefined): Set<MetalFamily> {
  const out = new Set<MetalFamily>();
  if (!p) return out;
  const text = [p.title ?? "", ...(p.tags ?? []), ...(p.options ?? [])].join(" | ");
  if (/\b(two|tri|three)[\s-]*(tone|colou?r)\b|\bmixed[\s-]*metals?\b/i.test(text))
    return new Set(["yellow", "rose", "white"]);
  for (const [re, fam] of PATTERNS) if (re.test(text)) out.add(fam);
  const bare = text.replace(/\b(rose|pink|red|white|yellow)[\s-]*gold\b/gi, "");
  if (/\bgold\b/i.test(bare)) out.add("yellow");
  return out;
}
