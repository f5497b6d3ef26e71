// The review page's image area: toolbar + before/after stage or side-by-side.
import { BlockStack } from "@shopify/polaris";
import { useState } from "react";
import type { Framing } from "../../ui/geometry";
import { CompareStage } from "./CompareStage";
import type { LabeledBox } from "./RegionBoxes";
import { SideBySide } from "./SideBySide";
import { ViewerToolbar, type Mode, type Overlays } from "./ViewerToolbar";
import type { Zoom } from "./ZoomPane";

export interface ViewerProps {
  width: number;
  height: number;
  urls: { original: string; composite: string | null; cutout: string | null };
  framing: Framing | null;
  background: string;
  compositeSize: number;
  spotBoxes: LabeledBox[];
  warningBoxes: LabeledBox[];
  title: string;
}

export function ReviewViewer(p: ViewerProps) {
  const [mode, setMode] = useState<Mode>("slider");
  const [zoom, setZoom] = useState<Zoom>("fit");
  const [overlays, setOverlays] = useState<Overlays>({ edge: false, spots: true, warnings: true });
  return (
    <BlockStack gap="300">
      <ViewerToolbar
        mode={mode}
        zoom={zoom}
        overlays={overlays}
        onMode={setMode}
        onZoom={setZoom}
        onOverlays={setOverlays}
        counts={{ spots: p.spotBoxes.length, warnings: p.warningBoxes.length }}
      />
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
        />
      ) : (
        <SideBySide
          original={{ url: p.urls.original, width: p.width, height: p.height }}
          result={p.urls.composite ? { url: p.urls.composite, size: p.compositeSize } : null}
          zoom={zoom}
          focus={p.framing?.box ?? null}
          title={p.title}
        />
      )}
    </BlockStack>
  );
}
