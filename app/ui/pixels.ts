// Loads an image (same origin) into pixels for sampling, scaled down to at most `maxSide`.
import { useEffect, useState } from "react";
import { srgbToLab, type Lab } from "./color";
import type { Box } from "./types";

export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  /** Image pixels per sampled pixel. */
  scale: number;
}

export function loadPixels(url: string, maxSide = 1024): Promise<Pixels> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.decoding = "async";
    img.onload = () => {
      const scale = Math.max(1, Math.max(img.naturalWidth, img.naturalHeight) / maxSide);
      const width = Math.max(1, Math.round(img.naturalWidth / scale));
      const height = Math.max(1, Math.round(img.naturalHeight / scale));
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext("2d", { willReadFrequently: true });
      if (!ctx) return reject(new Error("no 2d canvas"));
      ctx.drawImage(img, 0, 0, width, height);
      resolve({ data: ctx.getImageData(0, 0, width, height).data, width, height, scale });
    };
    img.onerror = () => reject(new Error(`could not load ${url}`));
    img.src = url;
  });
}

export function usePixels(url: string | null, maxSide = 1024): Pixels | null {
  const [px, setPx] = useState<Pixels | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    loadPixels(url, maxSide).then(
      (p) => live && setPx(p),
      () => live && setPx(null),
    );
    return () => {
      live = false;
    };
  }, [url, maxSide]);
  return px;
}

const lin = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const enc = (v: number) => 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);

/** Whether the piece covers a point of the input frame (the cutout's alpha ≥ 0.5). */
export function pieceAt(cutout: Pixels): (x: number, y: number) => boolean {
  return (x, y) => {
    const mx = Math.min(cutout.width - 1, Math.max(0, Math.floor(x / cutout.scale)));
    const my = Math.min(cutout.height - 1, Math.max(0, Math.floor(y / cutout.scale)));
    return cutout.data[4 * (my * cutout.width + mx) + 3]! >= 128;
  };
}

/**
 * Mean color (averaged in linear light) of `src` inside `box` (in `src`'s full-size pixel coordinates),
 * over the pixels where `keep(x, y)` holds (full-size coordinates of `src`).
 */
export function regionMean(
  src: Pixels,
  box: Box,
  keep: ((x: number, y: number) => boolean) | null,
): { lab: Lab; rgb: [number, number, number]; n: number } | null {
  const x0 = Math.max(0, Math.floor(box.x / src.scale));
  const y0 = Math.max(0, Math.floor(box.y / src.scale));
  const x1 = Math.min(src.width, Math.ceil((box.x + box.w) / src.scale));
  const y1 = Math.min(src.height, Math.ceil((box.y + box.h) / src.scale));
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (keep && !keep((x + 0.5) * src.scale, (y + 0.5) * src.scale)) continue;
      const i = 4 * (y * src.width + x);
      r += lin(src.data[i]!);
      g += lin(src.data[i + 1]!);
      b += lin(src.data[i + 2]!);
      n++;
    }
  }
  if (!n) return null;
  const rgb: [number, number, number] = [enc(r / n), enc(g / n), enc(b / n)];
  return { rgb, lab: srgbToLab(...rgb), n };
}
