// The original photo and the final retouched file next to each other, each in a fixed-ratio box.
import { InlineGrid, BlockStack, Text } from "@shopify/polaris";
import type { Zoom } from "./ZoomPane";
import { ZoomPane } from "./ZoomPane";
import type { Box } from "../../ui/types";

interface Props {
  original: { url: string; width: number; height: number };
  result: { url: string; size: number } | null;
  zoom: Zoom;
  focus: Box | null;
  title: string;
}

export function SideBySide({ original, result, zoom, title }: Props) {
  return (
    <InlineGrid columns={2} gap="300">
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">
          Original
        </Text>
        <ZoomPane width={original.width} height={original.height} zoom={zoom} focus={null} label="Original photo">
          <img src={original.url} alt={`Original photo of ${title}`} width={original.width} height={original.height} style={{ width: "100%", height: "100%", display: "block" }} draggable={false} />
        </ZoomPane>
      </BlockStack>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">
          Retouched
        </Text>
        {result ? (
          <ZoomPane width={result.size} height={result.size} zoom={zoom} focus={null} label="Retouched photo">
            <img src={result.url} alt={`Retouched photo of ${title}`} width={result.size} height={result.size} style={{ width: "100%", height: "100%", display: "block" }} draggable={false} />
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
