// The review viewer's controls: compare mode, zoom, overlays.
import { ButtonGroup, Button, Checkbox, InlineStack } from "@shopify/polaris";
import type { Zoom } from "./ZoomPane";

export type Mode = "slider" | "side";
export interface Overlays {
  edge: boolean;
  spots: boolean;
  warnings: boolean;
}

interface Props {
  mode: Mode;
  zoom: Zoom;
  overlays: Overlays;
  onMode: (m: Mode) => void;
  onZoom: (z: Zoom) => void;
  onOverlays: (o: Overlays) => void;
  counts: { spots: number; warnings: number };
}

export function ViewerToolbar({ mode, zoom, overlays, onMode, onZoom, onOverlays, counts }: Props) {
  return (
    <InlineStack gap="400" wrap blockAlign="center">
      <ButtonGroup variant="segmented">
        <Button pressed={mode === "slider"} onClick={() => onMode("slider")}>
          Before / after
        </Button>
        <Button pressed={mode === "side"} onClick={() => onMode("side")}>
          Side by side
        </Button>
      </ButtonGroup>
      <ButtonGroup variant="segmented">
        <Button pressed={zoom === "fit"} onClick={() => onZoom("fit")}>
          Fit
        </Button>
        <Button pressed={zoom === "100"} onClick={() => onZoom("100")}>
          100 %
        </Button>
      </ButtonGroup>
      {mode === "slider" ? (
        <InlineStack gap="300">
          <Checkbox
            label="Cutout edge"
            checked={overlays.edge}
            onChange={(edge) => onOverlays({ ...overlays, edge })}
          />
          <Checkbox
            label={`Removed spots (${counts.spots})`}
            checked={overlays.spots}
            onChange={(spots) => onOverlays({ ...overlays, spots })}
          />
          <Checkbox
            label={`Warning areas (${counts.warnings})`}
            checked={overlays.warnings}
            onChange={(warnings) => onOverlays({ ...overlays, warnings })}
          />
        </InlineStack>
      ) : null}
    </InlineStack>
  );
}
