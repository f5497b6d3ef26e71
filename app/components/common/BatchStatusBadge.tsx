// A batch's overall status as a badge in a merchant's words.
import { Badge } from "@shopify/polaris";

const LABELS: Record<string, { label: string; tone?: "info" | "success" | "attention" | "critical" }> = {
  pending: { label: "Starting", tone: "info" },
  pulling: { label: "Gathering photos", tone: "info" },
  queued: { label: "Starting", tone: "info" },
  running: { label: "Retouching", tone: "info" },
  processing: { label: "Retouching", tone: "info" },
  review: { label: "Ready for review", tone: "attention" },
  done: { label: "Done", tone: "success" },
  completed: { label: "Done", tone: "success" },
  cancelled: { label: "Cancelled" },
  canceled: { label: "Cancelled" },
  failed: { label: "Failed", tone: "critical" },
};

export function BatchStatusBadge({ status }: { status: string }) {
  const l = LABELS[status] ?? { label: status.charAt(0).toUpperCase() + status.slice(1) };
  return <Badge tone={l.tone}>{l.label}</Badge>;
}
