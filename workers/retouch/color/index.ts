// Colour kernel for the guards: sRGB ⇄ linear ⇄ XYZ ⇄ CIELAB (D65), CIEDE2000, OKLCh.
export * from "./srgb";
export * from "./lab";
export * from "./ciede2000";
export * from "./oklab";
