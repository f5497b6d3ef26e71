// Before/after in one frame: the original underneath, the result over it from the divider rightwards,
// and the overlays (cutout edge, removed spots, warning areas) in the same coordinates. At 100 % the
// divider sits at its share of the visible pane (not of the whole photo), so it never scrolls away.
import { useState } from "react";
import type { Framing } from "../../ui/geometry";
import type { PanSync } from "../../ui/pan-sync";
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
  /** Divider position, % of the visible frame from the left (kept by the viewer across modes). */
  split: number;
  sync: PanSync;
}

export function CompareStage(p: Props) {
  const [visible, setVisible] = useState<{ left: number; width: number } | null>(null);
  const focus: Box | null = p.framing?.box ?? null;
  const at100 = p.zoom === "100" && visible !== null;
  const clipLeft = at100 ? `${Math.round(visible.left + (p.split / 100) * visible.width)}px` : `${p.split}%`;
  return (
    <ZoomPane
      width={p.width}
      height={p.height}
      zoom={p.zoom}
      focus={focus}
      label="Before and after, with overlays"
      sync={p.sync}
      onScroll={(e) => setVisible({ left: e.currentTarget.scrollLeft, width: e.currentTarget.clientWidth })}
    >
      <img
        src={p.originalUrl}
        alt={`Original photo of ${p.title}`}
        width={p.width}
        height={p.height}
        draggable={false}
        style={{ position: "absolute", inset: 0, width: "100%", height: "100%" }}
      />
      {p.compositeUrl && p.framing ? (
        <AfterLayer
          url={p.compositeUrl}
          width={p.width}
          height={p.height}
          framing={p.framing}
          background={p.background}
          clipLeft={clipLeft}
          alt={`Retouched photo of ${p.title}`}
        />
      ) : null}
      {p.compositeUrl && p.framing ? (
        <div
          data-testid="divider"
          aria-hidden="true"
          style={{
            position: "absolute",
            top: 0,
            bottom: 0,
            left: clipLeft,
            width: 2,
            marginLeft: -1,
            background: "#fff",
            boxShadow: "0 0 0 1px rgba(0,0,0,.35)",
            pointerEvents: "none",
          }}
        />
      ) : null}
      {p.overlays.edge && p.cutoutUrl ? <EdgeOverlay cutoutUrl={p.cutoutUrl} /> : null}
      {p.overlays.spots ? (
        <RegionBoxes boxes={p.spotBoxes} width={p.width} height={p.height} testId="spot-boxes" />
      ) : null}
      {p.overlays.warnings ? (
        <RegionBoxes boxes={p.warningBoxes} width={p.width} height={p.height} testId="warning-boxes" />
      ) : null}
    </ZoomPane>
  );
}
