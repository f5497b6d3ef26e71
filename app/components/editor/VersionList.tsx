// Every render of the photo, newest first: what it carried and links to its result and cutout.
import { BlockStack, InlineStack, Link, Text } from "@shopify/polaris";
import type { VersionItem } from "../../ui/editor/api";
import type { EditList } from "../../../workers/retouch/contract";

function describe(e: EditList | null): string {
  if (!e) return "automatic";
  const parts: string[] = [];
  if (e.mask.length) parts.push(`${e.mask.length} brush stroke${e.mask.length === 1 ? "" : "s"}`);
  if (e.color)
    parts.push(
      `colour ${e.color.exposure >= 0 ? "+" : ""}${e.color.exposure} stops, temperature ${e.color.temperature}, tint ${e.color.tint}`,
    );
  return parts.join("; ") || "automatic";
}

export function VersionList({ versions }: { versions: VersionItem[] }) {
  if (!versions.length) return null;
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        Versions
      </Text>
      {versions.map((v) => (
        <InlineStack key={v.version} gap="200" blockAlign="center">
          <span data-testid="version-item" data-version={v.version} data-current={v.current ? "1" : "0"}>
            <Text
              as="span"
              fontWeight={v.current ? "bold" : "regular"}
            >{`Version ${v.version}${v.current ? " (current)" : ""}: ${describe(v.edits)}`}</Text>
          </span>
          {v.resultUrl ? (
            <Link url={v.resultUrl} target="_blank">
              Result
            </Link>
          ) : null}
          {v.cutoutUrl ? (
            <Link url={v.cutoutUrl} target="_blank">
              Cutout
            </Link>
          ) : null}
        </InlineStack>
      ))}
    </BlockStack>
  );
}
