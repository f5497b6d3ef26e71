// The colour pass: exposure (stops), temperature and tint, and a neutral picker ("this is white metal
// / the backdrop": click it on the preview). The preview applies the engine's own colour-pass module
// (workers/retouch/edits/color-pass.ts) to the cutout made without a colour pass, exactly as the
// worker does after the automatic gains.
import { useEffect, useRef, useState } from "react";
import { BlockStack, Button, InlineStack, RangeSlider, Text } from "@shopify/polaris";
import {
  applyColorPass,
  EXPOSURE_RANGE,
  matchReference,
  neutralFrom,
  parseBackground,
  WB_RANGE,
  type ColorPass,
} from "../../../workers/retouch/contract";

export const NEUTRAL_PASS: ColorPass = { exposure: 0, temperature: 0, tint: 0 };

/** Mean colour of the opaque pixels in a 5×5 window (null when the picked spot is transparent). */
function pickAt(d: Uint8ClampedArray, w: number, h: number, x: number, y: number): [number, number, number] | null {
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let j = Math.max(0, y - 2); j <= Math.min(h - 1, y + 2); j++)
    for (let i = Math.max(0, x - 2); i <= Math.min(w - 1, x + 2); i++) {
      const o = 4 * (j * w + i);
      if (d[o + 3]! < 250) continue;
      r += d[o]!;
      g += d[o + 1]!;
      b += d[o + 2]!;
      n++;
    }
  return n ? [r / n, g / n, b / n] : null;
}

function loadPixels(url: string): Promise<ImageData> {
  return new Promise((ok, fail) => {
    const img = new Image();
    img.crossOrigin = "anonymous";
    img.onload = () => {
      const c = document.createElement("canvas");
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext("2d", { willReadFrequently: true })!;
      ctx.drawImage(img, 0, 0);
      ok(ctx.getImageData(0, 0, c.width, c.height));
    };
    img.onerror = () => fail(new Error("The image could not be loaded."));
    img.src = url;
  });
}

const asImage8 = (d: ImageData) => ({
  width: d.width,
  height: d.height,
  channels: 4 as const,
  data: new Uint8Array(d.data.buffer),
});

export function ColorPanel(props: {
  baseCutoutUrl: string | null;
  reference: { url: string | null; background: string | null } | null;
  pass: ColorPass;
  disabled?: boolean;
  onChange: (p: ColorPass) => void;
}) {
  const { baseCutoutUrl, reference, pass, disabled, onChange } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const base = useRef<ImageData | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [picking, setPicking] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    if (!baseCutoutUrl) return;
    let live = true;
    loadPixels(baseCutoutUrl)
      .then((d) => {
        if (!live) return;
        base.current = d;
        setLoaded(true);
      })
      .catch(() => setNote("The cutout could not be loaded for the preview."));
    return () => {
      live = false;
    };
  }, [baseCutoutUrl]);

  const match = async () => {
    const src = base.current;
    if (!src || !reference?.url) return;
    try {
      const ref = await loadPixels(reference.url);
      const bg = reference.background
        ? (parseBackground(reference.background).slice(0, 3) as [number, number, number])
        : null;
      const m = matchReference(asImage8(ref), asImage8(src), bg);
      const backdrop =
        m.backdropDeltaE === null ? "" : ` Backdrop: ΔE00 ${m.backdropDeltaE.toFixed(1)} from the reference's.`;
      if (!m.pass) return setNote(`${m.why}${backdrop}`);
      onChange(m.pass);
      setNote(
        `Matched to the reference: the metal was ΔE00 ${m.metal.deltaEBefore?.toFixed(1)} from it.${backdrop} Save to render it; REFERENCE_MISMATCH will report what is left.`,
      );
    } catch (e) {
      setNote((e as Error).message);
    }
  };

  useEffect(() => {
    const canvas = canvasRef.current;
    const src = base.current;
    if (!canvas || !src || !loaded) return;
    canvas.width = src.width;
    canvas.height = src.height;
    const out = new ImageData(new Uint8ClampedArray(src.data), src.width, src.height);
    applyColorPass(out.data, 4, pass);
    canvas.getContext("2d")!.putImageData(out, 0, 0);
    canvas.dataset.pass = JSON.stringify(pass);
  }, [pass, loaded]);

  const slider = (key: keyof ColorPass, label: string, range: number, step: number, unit = "") => (
    <RangeSlider
      label={label}
      min={-range}
      max={range}
      step={step}
      value={pass[key]}
      disabled={disabled}
      output
      suffix={<Text as="span" variant="bodySm">{`${pass[key] > 0 ? "+" : ""}${pass[key]}${unit}`}</Text>}
      onChange={(v) => onChange({ ...pass, [key]: typeof v === "number" ? v : v[0] })}
    />
  );

  return (
    <BlockStack gap="300">
      {slider("exposure", "Exposure", EXPOSURE_RANGE, 0.05, " stops")}
      {slider("temperature", "Temperature (cooler ← → warmer)", WB_RANGE, 1)}
      {slider("tint", "Tint (green ← → magenta)", WB_RANGE, 1)}
      <InlineStack gap="200" blockAlign="center">
        <Button pressed={picking} disabled={disabled || !loaded} onClick={() => setPicking((p) => !p)}>
          {picking ? "Click white metal or the backdrop…" : "Pick neutral"}
        </Button>
        <Button disabled={disabled} onClick={() => onChange(NEUTRAL_PASS)}>
          Reset colour
        </Button>
        {reference?.url ? (
          <Button disabled={disabled || !loaded} onClick={() => void match()}>
            Match reference
          </Button>
        ) : null}
      </InlineStack>
      {note ? (
        <Text as="p" tone="subdued">
          <span data-testid="color-note">{note}</span>
        </Text>
      ) : null}
      <div
        style={{
          backgroundImage: "repeating-conic-gradient(#e3e3e3 0% 25%, #fff 0% 50%)",
          backgroundSize: "16px 16px",
          lineHeight: 0,
        }}
      >
        <canvas
          ref={canvasRef}
          data-testid="color-preview"
          aria-label="Colour preview"
          style={{ width: "100%", height: "auto", cursor: picking ? "crosshair" : "default" }}
          onClick={(e) => {
            const src = base.current;
            if (!picking || !src) return;
            const r = e.currentTarget.getBoundingClientRect();
            const x = Math.floor(((e.clientX - r.left) * src.width) / r.width);
            const y = Math.floor(((e.clientY - r.top) * src.height) / r.height);
            const rgb = pickAt(src.data, src.width, src.height, x, y);
            setPicking(false);
            if (!rgb) return setNote("That spot is transparent: pick a spot on the piece.");
            setNote(null);
            onChange({ ...pass, ...neutralFrom(rgb) });
          }}
        />
      </div>
    </BlockStack>
  );
}
