// How much the Shopify library logs. Its info level writes "Authenticating admin request" for every
// request (each poll of a running batch, every 1.5 s): by default only its warnings and errors are
// kept. LOUPE_SHOPIFY_LOG=info|debug brings the rest back when debugging auth.
import { LogSeverity } from "@shopify/shopify-app-remix/server";

const LEVELS: Record<string, LogSeverity> = {
  error: LogSeverity.Error,
  warning: LogSeverity.Warning,
  info: LogSeverity.Info,
  debug: LogSeverity.Debug,
};

export function shopifyLogLevel(value: string | undefined): LogSeverity {
  return LEVELS[(value ?? "").trim().toLowerCase()] ?? LogSeverity.Warning;
}
