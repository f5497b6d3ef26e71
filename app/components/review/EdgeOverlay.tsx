// The cutout's edge (where its alpha crosses one half) traced on a canvas in the input frame.
import { useEffect, useRef } from "react";
import { usePixels } from "../../ui/pixels";

export function EdgeOverlay({ cutoutUrl }: { cutoutUrl: string }) {
  const px = usePixels(cutoutUrl, 2048);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!px || !c) return;
    c.width = px.width;
    c.height = px.height;
    const ctx = c.getContext("2d");
    if (!ctx) return;
    const out = ctx.createImageData(px.width, px.height);
    const { data, width: w, height: h } = px;
    const inside = (x: number, y: number) => data[4 * (y * w + x) + 3]! >= 128;
    for (let y = 1; y < h - 1; y++) {
      for (let x = 1; x < w - 1; x++) {
        const v = inside(x, y);
        if (v !== inside(x + 1, y) || v !== inside(x, y + 1) || v !== inside(x - 1, y) || v !== inside(x, y - 1)) {
          const i = 4 * (y * w + x);
          out.data[i] = 255;
          out.data[i + 1] = 0;
          out.data[i + 2] = 200;
          out.data[i + 3] = 255;
        }
      }
    }
    ctx.putImageData(out, 0, 0);
  }, [px]);
  return (
    <canvas
      ref={canvas}
      data-testid="edge-overlay"
      aria-hidden="true"
      style={{
        position: "absolute",
        inset: 0,
        width: "100%",
        height: "100%",
        pointerEvents: "none",
        imageRendering: "pixelated",
      }}
    />
  );
}
