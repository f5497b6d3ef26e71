// Before/after in one frame: the original underneath, the result over it from the divider rightwards,
// and the overlays (cutout edge, removed spots, warning areas) in the same coordinates.
import { RangeSlider } from "@shopify/polaris";
import { useState } from "react";
import type { Framing } from "../../ui/geometry";
import type { Box } from "../../ui/types";
import { AfterLayer } from "./AfterLayer";
import { EdgeOverlay } from "./EdgeOverlay";
import { RegionBoxes, type LabeledBox } from "./RegionBoxes";
import { ZoomPane, type Zoom } from "./ZoomPane";
import type { Overlays } from "./ViewerToolbar";

interface Props {
  width: number;
  height: number;
  originalUrl: string;
  compositeUrl: string | null;
  cutoutUrl: string | null;
  framing: Framing | null;
  background: string;
  zoom: Zoom;
  overlays: Overlays;
  spotBoxes: LabeledBox[];
  warningBoxes: LabeledBox[];
  title: string;
}

export function CompareStage(p: Props) {
  const [split, setSplit] = useState(50);
  const focus: Box | null = p.framing?.box ?? null;
  return (
    <div>
      <ZoomPane width={p.width} height={p.height} zoom={p.zoom} focus={focus} label="Before and after, with overlays">
        <img
          src={p.originalUrl}
          alt={`Original photo of ${p.title}`}
          width={p.width}
          height={p.height}
          draggable={false}
          style={{ position: "absolute", inset: 0, width: "100%", height: "100%" }}
        />
        {p.compositeUrl && p.framing ? (
          <AfterLayer url={p.compositeUrl} width={p.width} height={p.height} framing={p.framing} background={p.background} split={split} alt={`Retouched photo of ${p.title}`} />
        ) : null}
        {p.compositeUrl && p.framing ? (
          <div aria-hidden="true" style={{ position: "absolute", top: 0, bottom: 0, left: `${split}%`, width: 2, marginLeft: -1, background: "#fff", boxShadow: "0 0 0 1px rgba(0,0,0,.35)", pointerEvents: "none" }} />
        ) : null}
        {p.overlays.edge && p.cutoutUrl ? <EdgeOverlay cutoutUrl={p.cutoutUrl} /> : null}
        {p.overlays.spots ? <RegionBoxes boxes={p.spotBoxes} width={p.width} height={p.height} testId="spot-boxes" /> : null}
        {p.overlays.warnings ? <RegionBoxes boxes={p.warningBoxes} width={p.width} height={p.height} testId="warning-boxes" /> : null}
      </ZoomPane>
      {p.compositeUrl && p.framing ? (
        <div style={{ marginTop: "var(--p-space-200)" }}>
          <RangeSlider label="Divider: original on the left, retouched on the right" min={0} max={100} value={split} onChange={(v) => setSplit(Array.isArray(v) ? v[0]! : v)} output />
        </div>
      ) : null}
    </div>
  );
}
