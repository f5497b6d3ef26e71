// Filters for the batch grid: by state and by warning code.
import { InlineStack, Select } from "@shopify/polaris";
import { JOB_STATES, type JobState } from "../../../core/batches/job-states";
import { STATE_LABEL } from "../../ui/states";
import { warningTitle } from "../../ui/warnings";

export interface GridFilter {
  state: JobState | "all";
  warning: string; // "all" | "none" | "any" | a code
}

export function GridFilters({
  value,
  onChange,
  codes,
  counts,
}: {
  value: GridFilter;
  onChange: (f: GridFilter) => void;
  codes: string[];
  counts: Partial<Record<JobState, number>>;
}) {
  return (
    <InlineStack gap="300" wrap>
      <div style={{ minWidth: 200 }}>
        <Select
          label="State"
          options={[
            { label: "All states", value: "all" },
            ...JOB_STATES.filter((s) => counts[s]).map((s) => ({
              label: `${STATE_LABEL[s]} (${counts[s]})`,
              value: s,
            })),
          ]}
          value={value.state}
          onChange={(state) => onChange({ ...value, state: state as GridFilter["state"] })}
        />
      </div>
      <div style={{ minWidth: 240 }}>
        <Select
          label="Warnings"
          options={[
            { label: "All photos", value: "all" },
            { label: "With warnings", value: "any" },
            { label: "Without warnings", value: "none" },
            ...codes.map((c) => ({ label: warningTitle(c), value: c })),
          ]}
          value={value.warning}
          onChange={(warning) => onChange({ ...value, warning })}
        />
      </div>
    </InlineStack>
  );
}

export function applyFilter<T extends { state: JobState; warnings: Array<{ code: string; severity: string }> }>(
  items: T[],
  f: GridFilter,
): T[] {
  return items.filter((i) => {
    if (f.state !== "all" && i.state !== f.state) return false;
    const warns = i.warnings.filter((w) => w.severity === "warning");
    if (f.warning === "any") return warns.length > 0;
    if (f.warning === "none") return warns.length === 0;
    if (f.warning !== "all") return i.warnings.some((w) => w.code === f.warning);
    return true;
  });
}
