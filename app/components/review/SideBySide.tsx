// The original photo and the retouched one next to each other. Both panes draw the original photo's
// frame (the retouched composite placed where the framing put the piece, as in before/after), so at
// any zoom the same spot of the piece sits at the same place in both, and they pan together.
import { InlineGrid, BlockStack, Text } from "@shopify/polaris";
import type { Framing } from "../../ui/geometry";
import type { PanSync } from "../../ui/pan-sync";
import { AfterLayer } from "./AfterLayer";
import type { Zoom } from "./ZoomPane";
import { ZoomPane } from "./ZoomPane";

interface Props {
  original: { url: string; width: number; height: number };
  result: { url: string; framing: Framing; background: string } | null;
  zoom: Zoom;
  sync: PanSync;
  title: string;
}

export function SideBySide({ original, result, zoom, sync, title }: Props) {
  const { width, height } = original;
  const focus = result?.framing.box ?? null;
  return (
    <InlineGrid columns={2} gap="300">
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">
          Original
        </Text>
        <ZoomPane width={width} height={height} zoom={zoom} focus={focus} sync={sync} label="Original photo">
          <img
            src={original.url}
            alt={`Original photo of ${title}`}
            width={width}
            height={height}
            style={{ position: "absolute", inset: 0, width: "100%", height: "100%", display: "block" }}
            draggable={false}
          />
        </ZoomPane>
      </BlockStack>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">
          Retouched
        </Text>
        {result ? (
          <ZoomPane width={width} height={height} zoom={zoom} focus={focus} sync={sync} label="Retouched photo">
            <AfterLayer
              url={result.url}
              width={width}
              height={height}
              framing={result.framing}
              background={result.background}
              clipLeft="0px"
              alt={`Retouched photo of ${title}`}
            />
          </ZoomPane>
        ) : (
          <Text as="p" tone="subdued">
            No retouched version yet.
          </Text>
        )}
      </BlockStack>
    </InlineGrid>
  );
}
