// The name of an auto batch says what it is: the new uploads Loupe found that day (UTC, the day the
// daily cap counts), e.g. "New uploads, Dec 5".
export function autoBatchTitle(at: Date): string {
  return `New uploads, ${at.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}`;
}
