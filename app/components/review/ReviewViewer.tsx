// The review page's image area: toolbar + before/after stage or side-by-side. The compare mode, zoom,
// divider and pan position are kept here, so switching mode keeps the divider and the spot shown.
// Moving to another photo of the batch keeps mode, zoom and divider (a retoucher's settings) but starts
// at the new piece, with the cutout edge on when that photo's findings concern the cutout.
// Z toggles the zoom between fit and 100 %.
import { BlockStack, RangeSlider } from "@shopify/polaris";
import { useMemo, useState } from "react";
import type { Framing } from "../../ui/geometry";
import { PanSync } from "../../ui/pan-sync";
import { useShortcuts } from "../../ui/use-shortcuts";
import { CompareStage } from "./CompareStage";
import type { LabeledBox } from "./RegionBoxes";
import { SideBySide } from "./SideBySide";
import { ViewerToolbar, type Mode, type Overlays } from "./ViewerToolbar";
import type { Zoom } from "./ZoomPane";

export interface ViewerProps {
  /** The photo shown (its job id): a new photo starts centred on its piece. */
  photoId: string;
  width: number;
  height: number;
  urls: { original: string; composite: string | null; cutout: string | null };
  framing: Framing | null;
  background: string;
  compositeSize: number;
  spotBoxes: LabeledBox[];
  warningBoxes: LabeledBox[];
  title: string;
  /** Start with the cutout edge traced (a warning concerns the cutout). */
  edgeByDefault?: boolean;
}

export function ReviewViewer(p: ViewerProps) {
  const [mode, setMode] = useState<Mode>("slider");
  const [zoom, setZoomState] = useState<Zoom>("fit");
  const [split, setSplit] = useState(50);
  const sync = useMemo(() => new PanSync(), [p.photoId]); // eslint-disable-line react-hooks/exhaustive-deps -- one pan position per photo
  const [overlays, setOverlays] = useState<Overlays>({ edge: p.edgeByDefault === true, spots: true, warnings: true });
  const [shownPhoto, setShownPhoto] = useState(p.photoId);
  if (shownPhoto !== p.photoId) {
    setShownPhoto(p.photoId);
    setOverlays({ ...overlays, edge: p.edgeByDefault === true });
  }
  const setZoom = (z: Zoom) => {
    if (z === "fit") sync.reset();
    setZoomState(z);
  };
  useShortcuts({ z: () => setZoom(zoom === "fit" ? "100" : "fit") });
  const comparable = p.urls.composite !== null && p.framing !== null;
  return (
    <BlockStack gap="300">
      <ViewerToolbar
        mode={mode}
        zoom={zoom}
        overlays={overlays}
        onMode={setMode}
        onZoom={setZoom}
        onOverlays={setOverlays}
        counts={{ spots: p.spotBoxes.filter((b) => b.tone === "spot").length, warnings: p.warningBoxes.length }}
      />
      {mode === "slider" && comparable ? (
        <RangeSlider
          label="Divider: original on the left, retouched on the right"
          min={0}
          max={100}
          value={split}
          onChange={(v) => setSplit(Array.isArray(v) ? v[0]! : v)}
          output
        />
      ) : null}
      {mode === "slider" ? (
        <CompareStage
          width={p.width}
          height={p.height}
          originalUrl={p.urls.original}
          compositeUrl={p.urls.composite}
          cutoutUrl={p.urls.cutout}
          framing={p.framing}
          background={p.background}
          zoom={zoom}
          overlays={overlays}
          spotBoxes={p.spotBoxes}
          warningBoxes={p.warningBoxes}
          title={p.title}
          split={split}
          sync={sync}
        />
      ) : (
        <SideBySide
          original={{ url: p.urls.original, width: p.width, height: p.height }}
          result={
            p.urls.composite && p.framing
              ? { url: p.urls.composite, framing: p.framing, background: p.background }
              : null
          }
          zoom={zoom}
          sync={sync}
          title={p.title}
        />
      )}
    </BlockStack>
  );
}
