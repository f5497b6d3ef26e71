// The batch's images as a responsive grid of cards.
import { Text } from "@shopify/polaris";
import type { ImageCardView } from "../../ui/types";
import { ImageCard } from "./ImageCard";

export function ImageGrid({ images, filtered }: { images: ImageCardView[]; filtered: boolean }) {
  if (images.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {filtered ? "No photos match these filters." : "No photos yet: Loupe is gathering them from your store."}
      </Text>
    );
  }
  return (
    <ul
      aria-label="Photos in this batch"
      style={{
        display: "grid",
        gridTemplateColumns: "repeat(auto-fill, minmax(180px, 1fr))",
        gap: "var(--p-space-300)",
        margin: 0,
        padding: 0,
      }}
    >
      {images.map((i) => (
        <ImageCard key={i.id} image={i} />
      ))}
    </ul>
  );
}
